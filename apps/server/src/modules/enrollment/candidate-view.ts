/** A candidate row as staff see it (ID masked). */
export function candidateView(c: {
  id: string;
  examNumber: string;
  name: string;
  idMasked: string;
  sex: 'M' | 'F';
  scores: Record<string, number>;
  total: number;
  bonus: number;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
}) {
  return {
    id: c.id,
    examNumber: c.examNumber,
    name: c.name,
    idMasked: c.idMasked,
    sex: c.sex,
    school: { id: c.schoolId, code: c.schoolCode, name: c.schoolName },
    scores: c.scores,
    total: c.total,
    bonus: c.bonus,
  };
}
