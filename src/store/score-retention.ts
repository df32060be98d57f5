import { DAY } from '../core/time.ts';

/**
 * How much score history every store keeps: the trend looks back 30 days and the card charts about a year, so a
 * year and a month is enough. Points older than this before the newest point are dropped as new ones arrive.
 */
export const SCORE_HISTORY_DAYS = 400;

export const SCORE_HISTORY_MS = SCORE_HISTORY_DAYS * DAY;
