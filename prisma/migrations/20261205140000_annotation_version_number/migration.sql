-- AlterTable
-- Each annotation's own edit counter: 1 when created, bumped by every change
-- a reader makes (lib/annotations/update-annotation.ts). A PATCH names the
-- version it was based on, so an edit made on a stale copy is refused (409)
-- rather than silently overwriting a newer one.
ALTER TABLE "annotations" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
