-- Tables for templates/pcap-to-postgres-and-alerts.json (PostgreSQL). Create them once, as the database owner,
-- then grant INSERT on both to the user the template's database.user parameter names.
-- Cluster numbers hold within one batch only: join flows and clusters on (batch, cluster).

CREATE TABLE IF NOT EXISTS flows (
    batch         text             NOT NULL,
    capture_file  text             NOT NULL,
    src_ip        text             NOT NULL,
    src_port      integer          NOT NULL,
    dst_ip        text             NOT NULL,
    dst_port      integer          NOT NULL,
    transport     text             NOT NULL,
    ip_version    integer          NOT NULL,
    first_seen    text             NOT NULL,   -- ISO-8601 UTC, as the capture's clock gave it
    last_seen     text             NOT NULL,
    packets       bigint           NOT NULL,
    bytes         bigint           NOT NULL,
    histogram     jsonb            NOT NULL,   -- packets per IP length bin, a JSON array
    cluster       integer          NOT NULL,   -- -1 is noise
    distance      double precision NOT NULL,   -- to the cluster's centroid, in percentage points
    similarity    double precision NOT NULL    -- 1 on the centroid, 0 at the largest possible distance
);

CREATE TABLE IF NOT EXISTS clusters (
    batch          text               NOT NULL,
    cluster        integer            NOT NULL,
    flows          integer            NOT NULL,
    packets        bigint             NOT NULL,
    centroid       jsonb              NOT NULL,   -- mean percentage per bin, a JSON array
    mean_distance  double precision   NOT NULL,
    max_distance   double precision   NOT NULL,
    epsilon        double precision   NOT NULL,
    min_points     integer            NOT NULL,
    PRIMARY KEY (batch, cluster)
);
