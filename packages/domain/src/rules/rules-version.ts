/**
 * Version of the compliance rules (tables and functions in this folder). Every decision carries it so an
 * auditor can tell which rules made it. Bump it whenever a table or a rule's behaviour changes.
 */
export const RULES_VERSION = '2026.12.1';
