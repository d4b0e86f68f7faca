<?php
/**
 * DraftPrompt.
 *
 * @package Footprints
 */

namespace Footprints\Ai;

/**
 * What a nurture draft asks of the AI provider, and how its answer is read:
 * a system instruction (one email, only the brief's facts, the steps the
 * lead took, no invented offer, JSON {subject, body}), then one message
 * with the site owner's instructions and the lead brief. Pure text in and
 * out, so the exact prompt is tested word for word.
 *
 * @phpstan-import-type Instructions from AiSettings
 */
final class DraftPrompt {

	/**
	 * The system instruction.
	 */
	public static function system_instruction(): string {
		return implode(
			"\n",
			array(
				'You write one nurture email from a website\'s team to one lead who used the website.',
				'Use only the facts in the lead brief and the site owner\'s instructions below. Refer to the steps the lead actually took, in the order they took them, so the email feels personal and relevant; do not mention tracking, events or data.',
				'Offer nothing the site owner\'s instructions do not offer: no invented discounts, trials, prices, deadlines or promises. When they name no offer, invite a reply instead.',
				'Sign with the sender name when one is given. Write plain text, no HTML, no placeholders in brackets.',
				'Answer with JSON only: {"subject": "...", "body": "..."}, where body is the email text with line breaks as \n.',
			)
		);
	}

	/**
	 * The message: the owner's instructions, then the brief.
	 *
	 * @param array  $instructions The owner's instructions.
	 * @param string $brief        The lead brief's text.
	 * @phpstan-param Instructions $instructions
	 */
	public static function message( array $instructions, string $brief ): string {
		$labels = array(
			'tone'         => 'Tone',
			'product'      => 'Product',
			'sender'       => 'Sender name',
			'offer'        => 'What to offer',
			'instructions' => 'Other instructions',
		);
		$lines  = array( 'Site owner\'s instructions:' );
		foreach ( $labels as $name => $label ) {
			$value   = trim( $instructions[ $name ] );
			$lines[] = $label . ': ' . ( '' !== $value ? $value : '(none given)' );
		}
		$lines[] = '';
		$lines[] = 'What is known of the lead and their steps (the lead brief):';
		$lines[] = '' !== trim( $brief ) ? $brief : '(no brief available)';
		return implode( "\n", $lines );
	}

	/**
	 * The JSON schema of the answer.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'subject' => array(
					'type'        => 'string',
					'description' => 'The email\'s subject line.',
				),
				'body'    => array(
					'type'        => 'string',
					'description' => 'The email\'s text.',
				),
			),
			'required'             => array( 'subject', 'body' ),
			'additionalProperties' => false,
		);
	}

	/**
	 * The draft in the provider's answer: JSON, perhaps in a code fence or
	 * after a sentence (not every provider honours a JSON answer format),
	 * with a non-empty subject and body. Null when there is none.
	 *
	 * @param string $answer The provider's text.
	 * @return array{subject: string, body: string}|null
	 */
	public static function read_answer( string $answer ): ?array {
		$candidates = array( trim( $answer ) );
		$start      = strpos( $answer, '{' );
		$end        = strrpos( $answer, '}' );
		if ( false !== $start && false !== $end && $end > $start ) {
			$candidates[] = substr( $answer, $start, $end - $start + 1 );
		}
		foreach ( $candidates as $candidate ) {
			$data = json_decode( $candidate, true );
			if ( is_array( $data ) && isset( $data['subject'], $data['body'] ) && is_string( $data['subject'] ) && is_string( $data['body'] ) && '' !== trim( $data['subject'] ) && '' !== trim( $data['body'] ) ) {
				return array(
					'subject' => trim( $data['subject'] ),
					'body'    => trim( $data['body'] ),
				);
			}
		}
		return null;
	}
}
