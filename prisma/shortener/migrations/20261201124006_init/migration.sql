-- CreateTable
CREATE TABLE "link" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "target_url" TEXT NOT NULL,
    "title" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "redirect_type" INTEGER NOT NULL DEFAULT 302,
    "forward_query" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3),
    "max_visits" INTEGER,
    "password_hash" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "blocked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "click_hourly" (
    "link_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "clicks" INTEGER NOT NULL,
    "bots" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "click_hourly_pkey" PRIMARY KEY ("link_id","hour")
);

-- CreateTable
CREATE TABLE "click_daily" (
    "link_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "clicks" INTEGER NOT NULL,
    "bots" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "click_daily_pkey" PRIMARY KEY ("link_id","day")
);

-- CreateTable
CREATE TABLE "click_breakdown" (
    "link_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "click_breakdown_pkey" PRIMARY KEY ("link_id","day","dimension","value")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer_group" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer_group","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_code_key" ON "link"("code");

-- CreateIndex
CREATE INDEX "link_owner_id_id_idx" ON "link"("owner_id", "id" DESC);

-- CreateIndex
CREATE INDEX "link_tags_idx" ON "link" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_sequence_key" ON "outbox_event"("sequence");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "outbox_event"("published_at", "sequence");

-- AddForeignKey
ALTER TABLE "click_hourly" ADD CONSTRAINT "click_hourly_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "click_daily" ADD CONSTRAINT "click_daily_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "click_breakdown" ADD CONSTRAINT "click_breakdown_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;
