-- CreateEnum
CREATE TYPE "ArticleVisibility" AS ENUM ('private', 'public');

-- AlterTable
ALTER TABLE "articles" ADD COLUMN "owner_id" UUID,
ADD COLUMN "visibility" "ArticleVisibility" NOT NULL DEFAULT 'private',
ADD COLUMN "source_url" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "articles_owner_id_source_url_key" ON "articles"("owner_id", "source_url");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
