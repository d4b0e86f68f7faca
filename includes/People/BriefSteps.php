<?php
/**
 * BriefSteps.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Privacy\PersonalAttributes;

/**
 * A timeline as the steps a lead brief tells: each event with its
 * definition's name and description, its page's path and a few of its
 * attributes; the same event repeated in a row (same session, page and
 * attributes) is one step with a count ("×3"). Attributes the privacy
 * file calls personal (data/privacy.json: an identify()'s traits, a
 * form's email and fields...) are left out, except the traits the owner
 * mapped (company, phone, job title), which the brief may name.
 *
 * @phpstan-type Step array{code: string, name: string, description: string, page: string, from: string, attributes: array<string, string>, more_attributes: int, count: int, time: string, until: string, first_ms: int, last_ms: int, session: int, device: string}
 */
final class BriefSteps {

	/** The most attributes a step shows; the rest are counted. */
	public const MAX_ATTRIBUTES = 4;

	/**
	 * Constructor.
	 *
	 * @param PersonalAttributes $personal What of an event is personal.
	 * @param BriefWho           $who      Which traits the owner mapped.
	 */
	public function __construct( private PersonalAttributes $personal, private BriefWho $who ) {}

	/**
	 * The steps of a timeline's events.
	 *
	 * @param list<array<string, mixed>> $events       Events as Timeline gives them, in order, with their session.
	 * @param array<string, string>      $descriptions Each code's description.
	 * @return array
	 * @phpstan-return list<Step>
	 */
	public function of( array $events, array $descriptions ): array {
		$steps = array();
		$run   = null;
		foreach ( $events as $event ) {
			$step = $this->step( $event, $descriptions );
			if ( null !== $run && self::same( $run, $step ) ) {
				++$run['count'];
				$run['until']   = $step['time'];
				$run['last_ms'] = $step['last_ms'];
				continue;
			}
			if ( null !== $run ) {
				$steps[] = $run;
			}
			$run = $step;
		}
		if ( null !== $run ) {
			$steps[] = $run;
		}
		return $steps;
	}

	/**
	 * One event as a step of its own.
	 *
	 * @param array<string, mixed>  $event        Event as Timeline gives it.
	 * @param array<string, string> $descriptions Each code's description.
	 * @return array
	 * @phpstan-return Step
	 */
	private function step( array $event, array $descriptions ): array {
		$code                   = (string) $event['code'];
		list( $shown, $hidden ) = $this->attributes( $code, (array) $event['attributes'] );
		return array(
			'code'            => $code,
			'name'            => BriefValue::line( (string) $event['name'] ),
			'description'     => BriefValue::line( $descriptions[ $code ] ?? '' ),
			'page'            => self::path( (string) $event['page'] ),
			'from'            => self::elsewhere( (string) $event['referrer'], (string) $event['page'] ),
			'attributes'      => $shown,
			'more_attributes' => $hidden,
			'count'           => 1,
			'time'            => (string) $event['time'],
			'until'           => (string) $event['time'],
			'first_ms'        => (int) $event['time_ms'],
			'last_ms'         => (int) $event['time_ms'],
			'session'         => (int) $event['session'],
			'device'          => (string) $event['device_id'],
		);
	}

	/**
	 * Whether a step repeats the one before (and joins it).
	 *
	 * @param array $before The step before.
	 * @param array $step   This one.
	 * @phpstan-param Step $before
	 * @phpstan-param Step $step
	 */
	private static function same( array $before, array $step ): bool {
		foreach ( array( 'code', 'page', 'attributes', 'more_attributes', 'session', 'device' ) as $key ) {
			if ( $before[ $key ] !== $step[ $key ] ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The attributes a step shows (the first MAX_ATTRIBUTES, written as
	 * text) and how many more it has; personal ones left out, mapped traits kept.
	 *
	 * @param string       $code       Event code.
	 * @param array<mixed> $attributes Its attributes.
	 * @return array{0: array<string, string>, 1: int}
	 */
	private function attributes( string $code, array $attributes ): array {
		$traits = is_array( $attributes['traits'] ?? null ) ? $attributes['traits'] : array();
		$kept   = $this->personal->scrub(
			array(
				'code'       => $code,
				'attributes' => $attributes,
				'page'       => '',
				'referrer'   => '',
			),
			array()
		)['attributes'];
		if ( ! array_key_exists( 'traits', $kept ) ) {
			foreach ( $this->who->mapped() as $trait ) {
				if ( is_scalar( $traits[ $trait ] ?? null ) ) {
					$kept[ $trait ] = $traits[ $trait ];
				}
			}
		}
		$shown = array();
		foreach ( array_slice( $kept, 0, self::MAX_ATTRIBUTES, true ) as $name => $value ) {
			$shown[ BriefValue::line( (string) $name ) ] = BriefValue::of( $value );
		}
		return array( $shown, max( 0, count( $kept ) - self::MAX_ATTRIBUTES ) );
	}

	/**
	 * The host of a referrer on another site ("news.example.org"), or ''
	 * for none or the same site: where the visitor arrived from, never the
	 * referrer's path or query.
	 *
	 * @param string $referrer Referrer URL.
	 * @param string $page     Page URL.
	 */
	private static function elsewhere( string $referrer, string $page ): string {
		$host = wp_parse_url( $referrer, PHP_URL_HOST );
		if ( ! is_string( $host ) || '' === $host || wp_parse_url( $page, PHP_URL_HOST ) === $host ) {
			return '';
		}
		return BriefValue::short( strtolower( $host ) );
	}

	/**
	 * A page's path (its query and fragment left out: a query such as
	 * ?email=... can name the person), or '' for none.
	 *
	 * @param string $page Page URL.
	 */
	private static function path( string $page ): string {
		if ( '' === $page ) {
			return '';
		}
		$path = wp_parse_url( $page, PHP_URL_PATH );
		return BriefValue::short( is_string( $path ) && '' !== $path ? $path : '/' );
	}
}
