/**
 * Whether an event's description gives the AI engine something to work
 * with. A description the engine can use says what the visitor did, why,
 * and what that means for the follow-up; an empty one, or one that only
 * says the name or code again ("Trial click", "trial_click event"), tells
 * it nothing it did not know. The check only warns: saving stays allowed.
 */

/** Why a description gives the AI engine nothing: empty, or only the name or code again. */
export type DescriptionProblem = 'empty' | 'repeats_name';

/**
 * Words that add nothing when they surround the name or code ("The trial
 * click event."), so they do not save a description from repeating it.
 */
const FILLER = new Set( [ 'a', 'an', 'the', 'event', 'this', 'is', 'of' ] );

/**
 * The words of a text, compared as people read them: lower case, with
 * punctuation, underscores and dashes as spaces.
 *
 * @param text Text.
 */
export function wordsOf( text: string ): string[] {
	return text
		.toLowerCase()
		.replace( /[^\p{L}\p{N}]+/gu, ' ' )
		.trim()
		.split( ' ' )
		.filter( Boolean );
}

/**
 * What is wrong with a description, or null when it says something of its own.
 *
 * @param description The description.
 * @param name        The event's name.
 * @param code        The event's code.
 */
export function descriptionProblem(
	description: string,
	name: string,
	code: string
): DescriptionProblem | null {
	const words = wordsOf( description );
	if ( ! words.length ) {
		return 'empty';
	}
	const known = new Set( [ ...wordsOf( name ), ...wordsOf( code ) ] );
	return words.every( ( word ) => known.has( word ) || FILLER.has( word ) )
		? 'repeats_name'
		: null;
}
