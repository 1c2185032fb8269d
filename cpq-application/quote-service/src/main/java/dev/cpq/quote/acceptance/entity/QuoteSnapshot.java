package dev.cpq.quote.acceptance.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.cache.freshness.CanonicalJsonHash;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * What the customer accepted, frozen: lines, configuration, prices, the versions and hashes they were
 * made on, and the approval evidence, as one JSON document with its own hash. Written once per quote in
 * the accepting transaction; the database refuses any change. Orders are made from it, not from the
 * (still living) quote row.
 */
@Entity
@Table(name = "quote_snapshot")
public class QuoteSnapshot {

    public static final String HASH_PREFIX = "snap-sha256";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
;

    @Id
    // blocks of 50 from the identity sequence (V4): no round trip per insert for the generated key
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quote_snapshot_ids")
    @SequenceGenerator(name = "quote_snapshot_ids", sequenceName = "quote_snapshot_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "quote_id", nullable = false, updatable = false)
    private String quoteId;

    @Column(name = "revision_id", nullable = false, updatable = false)
    private String revisionId;

    @Column(name = "price_result_id", nullable = false, updatable = false)
    private String priceResultId;

    @Column(name = "snapshot_hash", nullable = false, updatable = false)
    private String snapshotHash;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected QuoteSnapshot() {
        // for JPA
    }

    /** The snapshot of a quote just accepted, with the approval evidence of its revision and price result. */
    public static QuoteSnapshot of(Quote accepted, List<ApprovalDecision> evidence, String acceptedBy, Instant now) {
        if (accepted.status() != QuoteStatus.ACCEPTED) {
            throw new IllegalStateException("only an accepted quote is snapshotted");
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("quoteId", accepted.id().toString());
        doc.put("quoteRevisionId", accepted.revisionId().toString());
        doc.put("revisionNo", accepted.revisionNo());
        doc.put("quoteVersion", accepted.rowVersion());
        doc.put("customerId", accepted.customerId());
        doc.put("currency", accepted.currency());
        doc.put("market", accepted.market());
        doc.put("channel", accepted.channel());
        doc.put("priceListId", accepted.priceListId());
        doc.set("lines", JSON.valueToTree(accepted.lines()));
        ObjectNode configuration = doc.putObject("configuration");
        configuration.put("catalogVersion", accepted.catalogVersion().orElseThrow());
        configuration.put("configurationHash", accepted.configurationHash().orElseThrow());
        ObjectNode prices = doc.putObject("prices");
        prices.put("priceResultId", accepted.priceResultId().orElseThrow().toString());
        prices.put("priceListVersion", accepted.priceListVersion().orElseThrow());
        prices.put("priceHash", accepted.priceHash().orElseThrow());
        prices.put("validUntil", accepted.priceValidUntil().orElseThrow().toString());
        prices.put("stalenessPolicy", accepted.stalenessPolicy().orElseThrow().name());
        prices.set("lines", accepted.pricedLines().orElseThrow());
        prices.set("totals", accepted.totals().orElseThrow());
        ObjectNode versions = doc.putObject("versions");
        versions.put("catalogVersion", accepted.catalogVersion().orElseThrow());
        versions.put("priceListVersion", accepted.priceListVersion().orElseThrow());
        versions.put("policyVersion", accepted.policyVersion().orElseThrow());
        ObjectNode hashes = doc.putObject("hashes");
        hashes.put("configurationHash", accepted.configurationHash().orElseThrow());
        hashes.put("priceHash", accepted.priceHash().orElseThrow());
        ObjectNode approval = doc.putObject("approval");
        approval.put("policyVersion", accepted.policyVersion().orElseThrow());
        approval.set("signals", JSON.valueToTree(accepted.approvalSignals()));
        ArrayNode decisions = approval.putArray("evidence");
        for (ApprovalDecision d : evidence) {
            ObjectNode e = decisions.addObject();
            e.put("requirement", d.requirement().name());
            e.put("decision", d.decision().name());
            e.put("reason", d.reason().orElse(null));
            e.put("decidedBy", d.decidedBy());
            e.put("automatic", d.automatic());
            e.put("authorityRole", d.authorityRole());
            e.put("authorityMaxDiscountPercent", d.authorityMaxDiscount().orElse(null));
            e.put("policyVersion", d.policyVersion());
            e.put("decidedAt", d.decidedAt().toString());
        }
        doc.put("validUntil", accepted.validUntil().toString());
        doc.put("acceptedBy", acceptedBy);
        doc.put("acceptedAt", now.toString());

        QuoteSnapshot s = new QuoteSnapshot();
        s.tenantId = accepted.tenantId();
        s.quoteId = accepted.id().toString();
        s.revisionId = accepted.revisionId().toString();
        s.priceResultId = accepted.priceResultId().orElseThrow().toString();
        s.snapshotHash = CanonicalJsonHash.of(HASH_PREFIX, doc);
        s.body = write(doc);
        s.createdAt = now;
        return s;
    }

    /** The document as stored, with its hash. */
    public JsonNode document() {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(body);
            doc.put("snapshotHash", snapshotHash);
            return doc;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable snapshot", e);
        }
    }

    public String snapshotHash() {
        return snapshotHash;
    }

    public String revisionId() {
        return revisionId;
    }

    private static String write(JsonNode doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is always writable", e);
        }
    }
}
