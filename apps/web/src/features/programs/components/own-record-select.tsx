import { Select, type SelectProps } from 'antd';
import { useCourses } from '../api/get-courses';
import { useMajors } from '../api/get-majors';

/** A major of the schools whose records the user keeps (a form field). */
export function OwnMajorSelect(props: SelectProps<string>) {
  const majors = useMajors();
  return (
    <Select
      {...props}
      options={(majors.data ?? [])
        .filter((m) => m.abilities.edit)
        .map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}

/** A course of the schools whose records the user keeps (a form field). */
export function OwnCourseSelect(props: SelectProps<string>) {
  const courses = useCourses();
  return (
    <Select
      {...props}
      options={(courses.data ?? [])
        .filter((c) => c.abilities.edit)
        .map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
