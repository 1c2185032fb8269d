package dev.cpq.catalog.core.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogVersionTest {

    @Test
    void versionsGrowAndCompareByPublicationOrder() {
        CatalogVersion v1 = CatalogVersion.first();
        CatalogVersion v2 = v1.next();
        assertThat(v2.isNewerThan(v1)).isTrue();
        assertThat(v1.isNewerThan(v2)).isFalse();
        assertThat(v1.isNewerThan(v1)).isFalse();
        assertThat(v2).isGreaterThan(v1);
    }

    @Test
    void rendersAsPointerValue() {
        assertThat(new CatalogVersion(42)).hasToString("v42");
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> new CatalogVersion(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewCatalogIsADraftWithoutPublicationTime() {
        Catalog draft = Catalog.draft("tnt-001", CatalogVersion.first(), java.time.Instant.EPOCH);
        assertThat(draft.status()).isEqualTo(CatalogStatus.DRAFT);
        assertThat(draft.publishedAt()).isEmpty();
        assertThat(draft.version()).isEqualTo(CatalogVersion.first());
    }
}
