/**
 * Random ids for events and devices. Not cryptographic (crypto.randomUUID
 * needs HTTPS): 10 random base-36 digits after the time in milliseconds
 * make a collision between two events practically impossible.
 */
export const randomId = (): string =>
	Date.now().toString( 36 ) + Math.random().toString( 36 ).slice( 2, 12 );
