-- CreateEnum
CREATE TYPE "RecipientStatus" AS ENUM ('active', 'disabled', 'deleted');

-- CreateTable
CREATE TABLE "recipient" (
    "user_id" UUID NOT NULL,
    "email" TEXT,
    "username" TEXT,
    "status" "RecipientStatus" NOT NULL DEFAULT 'active',
    "profile_version" BIGINT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recipient_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "awaiting_mail" (
    "event_id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "recipient_user_id" UUID NOT NULL,
    "variables" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "awaiting_mail_pkey" PRIMARY KEY ("event_id","template")
);

-- CreateIndex
CREATE INDEX "awaiting_mail_recipient_user_id_idx" ON "awaiting_mail"("recipient_user_id");
