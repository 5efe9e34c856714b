-- Issue 13: course cover images and video captions, stored in the object store (/media/...).
-- The cover's alt text ("" when the cover is decorative or there is none) lives beside its URL
-- on the course version; a video lesson has at most one WebVTT captions track with its language
-- (BCP 47 tag) and the label players show.
ALTER TABLE "CourseVersion" ADD COLUMN "coverImageAlt" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Lesson" ADD COLUMN "captionsUrl" TEXT;
ALTER TABLE "Lesson" ADD COLUMN "captionsLanguage" TEXT;
ALTER TABLE "Lesson" ADD COLUMN "captionsLabel" TEXT;
