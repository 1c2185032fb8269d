package dev.cpq.quote.submission.entity;

import java.util.OptionalLong;

/**
 * The owners' shared version pointers (catalog, a price list, the approval policy) as they stand now,
 * read in one round trip. A hint only: it may show that a publication happened since a command's
 * validation (so the command validates again against the owners' databases), never that the quote is
 * fresh. Empty when a pointer is unknown or the pointers cannot be read.
 */
public interface PublishedVersionPointers {

    /** The catalog, price list and approval policy pointers of the caller's tenant. */
    Pointers now(String priceListId);

    record Pointers(OptionalLong catalog, OptionalLong priceList, OptionalLong approvalPolicy) {

        public static final Pointers UNKNOWN = new Pointers(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

        /** Whether any pointer names a version newer than the one confirmed. */
        public boolean aheadOf(long catalogVersion, long priceListVersion, long policyVersion) {
            return movedAheadOf(catalogVersion, priceListVersion, policyVersion).isPresent();
        }

        /** The owner whose pointer names a version newer than the one confirmed: {@code catalog} or {@code pricing}. */
        public java.util.Optional<String> movedAheadOf(long catalogVersion, long priceListVersion, long policyVersion) {
            if (ahead(catalog, catalogVersion)) {
                return java.util.Optional.of("catalog");
            }
            return ahead(priceList, priceListVersion) || ahead(approvalPolicy, policyVersion) ? java.util.Optional.of("pricing")
                    : java.util.Optional.empty();
        }

        private static boolean ahead(OptionalLong pointer, long confirmed) {
            return pointer.isPresent() && pointer.getAsLong() > confirmed;
        }
    }
}
