package dev.cpq.container;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The container's own error answers (an unknown path, a path it refuses to map, a request it fails before
 * any application runs) as RFC 9457 problems. The virtual server's send-error pages give each status its
 * problem body (deploy/lib/glassfish.sh), but GlassFish's stock valve labels every such answer
 * {@code text/html} after the page is written; this one labels it {@code application/problem+json}, and
 * answers a status without a page with a minimal problem instead of the HTML report.
 * <p>
 * Named by the virtual server's {@code errorReportValve} property; the virtual server loads it with the
 * common class loader (a jar in the domain's lib) when the web container starts.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String PROBLEM = "application/problem+json";

    @Override
    public void postInvoke(Request request, Response response) throws IOException, ServletException {
        super.postInvoke(request, response);
        HttpServletResponse http = (HttpServletResponse) response;
        if (!http.isCommitted() && http.getStatus() >= 400) {
            http.setContentType(PROBLEM);
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        int status = http.getStatus();
        if (status < 400 || response.getContentCount() > 0) {
            return; // not an error, or the status's problem page was written already
        }
        http.setContentType(PROBLEM);
        Writer writer = response.getReporter();
        if (writer != null) {
            writer.write("{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + status + ",\"code\":\"HTTP_" + status + "\"}");
        }
    }
}
