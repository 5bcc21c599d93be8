import { useQuery } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '@/lib/api-client';
import { internshipKeys } from './keys';
import { useInternshipMutation } from './mutate';

export type AttendanceLog = ApiResponse<'get', '/api/internship-placements/{id}/attendance'>;
export type AttendanceInput = ApiBody<'post', '/api/internship-placements/{id}/attendance'>;

/** `GET …/attendance`: the log with each entry's flags and violations. */
export async function getAttendance(id: string) {
  return api.get('/api/internship-placements/{id}/attendance', { path: { id } });
}

export function useAttendance(id: string) {
  return useQuery({ queryKey: internshipKeys.attendance(id), queryFn: () => getAttendance(id) });
}

/** Records one entry (the enterprise, a running placement). */
export async function recordAttendance({ id, body }: { id: string; body: AttendanceInput }) {
  return api.post('/api/internship-placements/{id}/attendance', { path: { id }, body });
}

export const useRecordAttendance = () => useInternshipMutation(recordAttendance);
