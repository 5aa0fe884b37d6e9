// The reference list of criteria is kept in English, as the press reported
// it (LEGAL-FORMATS.md section 6). The Spanish window shows each entry of
// the included list in Spanish beside the English as reported; an entry a
// lawyer typed shows as typed.
import type { MessageKey } from '../i18n/index.svelte';

const included: Record<string, MessageKey> = {
  'Tattoos denoting membership': 'reportedLabel.tattoos',
  'Insignia, logos or dress': 'reportedLabel.insignia',
  'Self-admission': 'reportedLabel.selfAdmission',
  'Communications with known members': 'reportedLabel.communications',
  'Social-media posts': 'reportedLabel.socialMedia',
  'Living or associating with a member': 'reportedLabel.living',
  'Two crown tattoos (one reported case)': 'reportedLabel.crowns',
  '4 (or up to 2 by another report)': 'reportedLabel.pointsOtherReport',
  'Alien Enemy Validation Guide': 'reportedLabel.validationGuide',
  'Security Threat Group form (detention contractor)': 'reportedLabel.stgForm',
};

/** The catalog key that says `reported` (an entry of the included list) in
 * the window's language, or null for anything else. */
export function reportedLabel(reported: string): MessageKey | null {
  return included[reported.trim()] ?? null;
}
