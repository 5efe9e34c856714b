export interface CourseInstructorEntry {
  userId: string;
  name: string;
  email: string;
  role: 'OWNER' | 'INSTRUCTOR';
}
