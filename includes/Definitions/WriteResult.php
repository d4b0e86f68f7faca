<?php
/**
 * WriteResult.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * What a write of one definition did. A failed write is not among them:
 * it throws Database\QueryFailed.
 */
enum WriteResult: string {

	// The row was added, changed or deleted.
	case Written = 'written';

	// Nothing to add: a definition with that code is already there.
	case AlreadyThere = 'already_there';

	// Nothing to change or delete: no definition has that code.
	case NotFound = 'not_found';

	// Not deleted: the definition has history (or is a system event).
	case Kept = 'kept';
}
