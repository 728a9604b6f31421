-- CreateTable
CREATE TABLE "click" (
    "id" BIGSERIAL NOT NULL,
    "link_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "referrer_host" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "device" TEXT NOT NULL,
    "bot" BOOLEAN NOT NULL,

    CONSTRAINT "click_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "click_link_id_at_id_idx" ON "click"("link_id", "at", "id");

-- CreateIndex
CREATE INDEX "click_at_idx" ON "click" USING BRIN ("at");

-- AddForeignKey
ALTER TABLE "click" ADD CONSTRAINT "click_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;
