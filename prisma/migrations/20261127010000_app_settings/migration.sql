-- Replica-wide settings (see schema.prisma's AppSetting).
CREATE TABLE "app_setting" (
  "key" TEXT NOT NULL,
  "value" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);
