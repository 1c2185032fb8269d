-- Skeleton demo data: tenant "demo" gets an active catalog version. The catalog issue replaces this
-- with seeding through the public API (drafts, offerings, rules, publish). Idempotent.
INSERT INTO catalog (tenant_id, version_no, status, published_at)
VALUES ('demo', 1, 'PUBLISHED', now())
ON CONFLICT DO NOTHING;
