/**
 * localStorage as a best effort: storage that is blocked, full or gone is
 * not an error (memory still holds what the page needs).
 * @param work Reads or writes localStorage.
 */
export function withStorage< T >(
	work: ( storage: Storage ) => T
): T | undefined {
	try {
		return work( localStorage );
	} catch {
		return undefined;
	}
}
