<?php
/**
 * DefinitionRefused.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * A request DefinitionService refused, with why (the problem), which field
 * (when one is to blame) and a message a person can act on.
 */
final class DefinitionRefused extends \RuntimeException {

	/**
	 * Constructor.
	 *
	 * @param DefinitionProblem $problem Why.
	 * @param string            $message What was wrong and how to fix it (translated).
	 * @param string|null       $field   The field to blame, if any.
	 */
	public function __construct( public readonly DefinitionProblem $problem, string $message, public readonly ?string $field = null ) {
		parent::__construct( $message );
	}

	/**
	 * A field breaks its rule; the message names the rule.
	 *
	 * @param string            $field   Field name.
	 * @param string            $message What is wrong.
	 * @param DefinitionProblem $problem Why, when more precise than Invalid.
	 */
	public static function field( string $field, string $message, DefinitionProblem $problem = DefinitionProblem::Invalid ): self {
		return new self( $problem, trim( $message . ' ' . DefinitionSchema::hint( $field ) ), $field );
	}
}
