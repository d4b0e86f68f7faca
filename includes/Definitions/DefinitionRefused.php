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

	/**
	 * The refusal as the WP_Error a REST route or an ability answers with:
	 * the error code and the HTTP status of its problem, and the field.
	 */
	public function to_wp_error(): \WP_Error {
		list( $code, $status ) = match ( $this->problem ) {
			DefinitionProblem::NotFound => array( 'footprints_definition_not_found', 404 ),
			DefinitionProblem::Invalid,
			DefinitionProblem::CodeReserved,
			DefinitionProblem::CodeTaken,
			DefinitionProblem::CodeImmutable => array( 'footprints_invalid_definition', 400 ),
			DefinitionProblem::RemoteOwned => array( 'footprints_remote_backend', 409 ),
			DefinitionProblem::SystemEvent => array( 'footprints_system_event', 403 ),
			DefinitionProblem::HasHistory => array( 'footprints_definition_triggered', 409 ),
		};
		$data = array( 'status' => $status );
		if ( null !== $this->field ) {
			$data['field'] = $this->field;
		}
		return new \WP_Error( $code, $this->getMessage(), $data );
	}
}
