package dev.cpq.platform.problem.entity;

/**
 * The addressed thing does not exist for the caller's tenant. Unknown ids and other tenants' ids
 * answer exactly alike, so a tenant learns nothing about another's data.
 */
public class ResourceNotFoundException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public ResourceNotFoundException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    @Override
    public Problem problem() {
        return Problem.of(code, 404, "Not found", getMessage());
    }
}
