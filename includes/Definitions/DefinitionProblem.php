<?php
/**
 * DefinitionProblem.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * Why DefinitionService refused a request. Each caller turns it into its
 * own answer: the REST controller into an HTTP status, WP-CLI into an exit
 * code.
 */
enum DefinitionProblem: string {

	// No definition has the code.
	case NotFound = 'not_found';

	// A field breaks data/schema/definition.json.
	case Invalid = 'invalid';

	// The code belongs to a system event.
	case CodeReserved = 'code_reserved';

	// A definition with the code exists.
	case CodeTaken = 'code_taken';

	// A write tried to change the code.
	case CodeImmutable = 'code_immutable';

	// A remote backend owns the definitions: the local copy is read-only.
	case RemoteOwned = 'remote_owned';

	// System events are read-only.
	case SystemEvent = 'system_event';

	// The definition was triggered: deleting it would break its history.
	case HasHistory = 'has_history';
}
