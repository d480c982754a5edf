-- AlterTable
-- Each annotation's own edit counter: 1 when created, bumped by every change
-- a reader makes (lib/annotations/update-annotation.ts). A PATCH names the
-- version it was based on, so an edit made on a stale copy is refused (409)
-- rather than silently overwriting a newer one.
ALTER TABLE "annotations" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
-- Deleted annotations' ids and when they were deleted: a create of the same id
-- that arrived before the delete (the lost twin of a retried request, still
-- in flight) is refused, so a deleted annotation never comes back by accident
-- (lib/annotations/create-annotation.ts). A create that arrives after the
-- delete (Undo) goes through.
CREATE TABLE "annotation_tombstones" (
    "id" UUID NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_tombstones_pkey" PRIMARY KEY ("id")
);
