/**
 * The pass mark when the front matter gives none: the "average" threshold of
 * the service-quality table. A module of its own so a screen can use it (the
 * dashboard's pass-mark line) without loading the programme parser and YAML.
 */
export const DEFAULT_PASS_MARK = 70;
