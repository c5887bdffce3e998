import { closest, type DiagnosticList } from './diagnostics.ts';
import { DIMENSION_LIMIT, MOOD_LIMIT, SUBJECTS, type Comparator, type Condition, type Effects, type Subject } from './types.ts';

const LIMIT = (subject: Subject) => (subject === 'mood' ? MOOD_LIMIT : DIMENSION_LIMIT);
const SCALE = `empathy, flexibility, ownership (-${DIMENSION_LIMIT}..+${DIMENSION_LIMIT}) and mood (-${MOOD_LIMIT}..+${MOOD_LIMIT})`;

/** Accept the typographic minus and dashes that word processors put in. */
function normaliseSigns(text: string): string {
	return text.replace(/[\u2212\u2013\u2014]/g, '-');
}

/**
 * Parses `empathy +2, ownership -1, mood +15`. `column` is the file column of
 * `text`'s first character, so each mistake points at its own token.
 */
export function parseEffects(
	text: string,
	line: number,
	column: number,
	diagnostics: DiagnosticList
): Effects {
	const effects: Effects = {};
	let offset = 0;
	for (const part of text.split(',')) {
		const lead = part.length - part.trimStart().length;
		const token = normaliseSigns(part.trim());
		const at = column + offset + lead;
		offset += part.length + 1;
		if (token === '') continue;
		// a hyphen joins words (`policy-flex`) but before a digit it is the sign (`ownership-1`, like `ownership+1`)
		const match = /^([A-Za-z][\w.]*(?:-(?!\d)[\w.]*)*)\s*(.*)$/.exec(token);
		const name = match?.[1].toLowerCase() ?? '';
		if (!match || !(SUBJECTS as readonly string[]).includes(name)) {
			const suggestion = match ? closest(name, SUBJECTS) : undefined;
			diagnostics.error(
				'unknown-effect',
				line,
				at,
				`Unknown effect \`${token}\`.`,
				suggestion
					? `Did you mean \`${suggestion}\`? Effects are ${SCALE}.`
					: `Effects are ${SCALE}, e.g. \`empathy +2, mood -10\`.`,
				token.length
			);
			continue;
		}
		const subject = name as Subject;
		const valueText = match[2].replace(/\s+/g, '');
		if (!/^[+-]?\d{1,6}$/.test(valueText)) {
			const runOn = /^[+-]?\d{1,6}[a-z]/i.test(valueText) && SUBJECTS.some((name) => match[2].toLowerCase().includes(name));
			diagnostics.error(
				'bad-effect-value',
				line,
				at,
				`\`${subject}\` needs a whole number, got \`${match[2] || 'nothing'}\`.`,
				runOn
					? 'Separate effects with commas, e.g. `empathy +2, ownership +1`.'
					: /^[:=]/.test(valueText)
						? `Write the number straight after the name, without \`${valueText[0]}\`: \`${subject} ${valueText.slice(1) || '+1'}\`.`
						: `Write a signed whole number, e.g. \`${subject} +1\` or \`${subject} -2\`.`,
				token.length
			);
			continue;
		}
		const value = Number(valueText);
		if (Math.abs(value) > LIMIT(subject)) {
			diagnostics.error(
				'value-out-of-range',
				line,
				at,
				`\`${subject} ${valueText}\` is out of range.`,
				`\`${subject}\` goes from -${LIMIT(subject)} to +${LIMIT(subject)}.`,
				token.length
			);
			continue;
		}
		if (effects[subject] !== undefined) {
			diagnostics.error(
				'duplicate-effect',
				line,
				at,
				`\`${subject}\` is given twice.`,
				'Give each effect once; add the values together.',
				token.length
			);
			continue;
		}
		effects[subject] = value;
	}
	return effects;
}

const CONDITION = /^(reply\.)?([a-z]+)\s*(<=|>=|==|!=|<|>)\s*([+-]?\d{1,6})$/i;

/** Parses what follows `when`; undefined (with a diagnostic) when malformed. */
export function parseCondition(
	text: string,
	line: number,
	column: number,
	diagnostics: DiagnosticList
): Condition | undefined {
	const token = normaliseSigns(text.trim());
	const match = CONDITION.exec(token);
	const subject = match?.[2].toLowerCase();
	if (!match || !(SUBJECTS as readonly string[]).includes(subject!)) {
		const word = /^(?:reply\.)?([a-z]+)/i.exec(token)?.[1]?.toLowerCase();
		const suggestion = word && !(SUBJECTS as readonly string[]).includes(word) ? closest(word, SUBJECTS) : undefined;
		diagnostics.error(
			'bad-when',
			line,
			column,
			`Cannot read the condition \`when ${token}\`.`,
			(suggestion ? `Did you mean \`${suggestion}\`? ` : '') +
				'Write `when <empathy|flexibility|ownership|mood> <op> <number>` with op one of < <= > >= == !=, e.g. `when mood < 40`.',
			text.trim().length
		);
		return undefined;
	}
	return {
		scope: match[1] ? 'reply' : 'run',
		subject: subject as Subject,
		op: match[3] as Comparator,
		value: Number(match[4])
	};
}
