/**
 * The shape of an audit: sections in a fixed order, each with the checks that fed it and their
 * findings, plus the branch table. Reporters (`src/report/audit-*.ts`, `markdown.ts`) print it;
 * the JSON reporter writes it as it is.
 */
import type { CheckId } from '../checks/ids.js';
import type { BranchState, Finding } from '../types.js';

export const SECTION_IDS = ['history', 'direct-commits', 'branches', 'tags', 'commits', 'signatures'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** A finding about history, with when it happened and whether it is still there. */
export interface AuditFinding extends Finding {
  /** Author date of `commit`, ISO 8601. */
  date?: string;
  /**
   * Sensitive content only: `branches`, the branches whose tip still holds it (`status`
   * "present"), or none ("removed"); `was`, the live branches whose history holds the commit
   * that added it.
   */
  presence?: { status: 'present' | 'removed'; branches: string[]; was?: string[] };
}

export interface AuditSection {
  id: SectionId;
  title: string;
  /** The checks that ran for this section (those the config turns off are left out). */
  checks: CheckId[];
  findings: AuditFinding[];
  /** Why the section could not run or was cut short, when it was. */
  note?: string;
}

export interface AuditReport {
  version: 1;
  scope: {
    /** Branches and tags read (after `--refs`). */
    refs: number;
    /** Commits whose added content was scanned. */
    commits: number;
    since?: string;
    /** Protected branches found, short names. */
    protectedBranches: string[];
  };
  summary: { errors: number; warnings: number; sections: Record<SectionId, { errors: number; warnings: number }> };
  /** One line saying whether the audit passed. */
  verdict: string;
  sections: AuditSection[];
  /** Every live branch that is not protected, with its base and ahead/behind counts. */
  branches: BranchState[];
  /** Why each check that produced findings matters. */
  reasons: Record<string, string>;
  /** With `--baseline`: the baseline file and how many of its known findings were left out. */
  baseline?: { file: string; known: number };
}
