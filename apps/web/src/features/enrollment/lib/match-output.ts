import type { MatchSummary } from '../types';

/** A cut-off: the last candidate admitted and their 投档分. */
export interface Cutoff {
  candidate: string;
  score: number;
}

/**
 * The matching engine's output, the text a run stores byte for byte (`RunDetail['output']`) and
 * the command-line matcher prints: a file format, not an API answer (candidates by exam number
 * only, programs by code).
 */
export interface MatchOutput {
  assignments: { candidate: string; program: string | null; seat: string | null; choice: number | null }[];
  programs: {
    id: string;
    capacity: number;
    admitted: number;
    cutoff: Cutoff | null;
    reserved: { id: string; capacity: number; admitted: number; cutoff: Cutoff | null }[];
  }[];
  summary: MatchSummary;
}
