<?php
/**
 * StoreFailed.
 *
 * @package Footprints
 */

namespace Footprints\Events;

/**
 * Events could not be written (deadlock, full disk, missing table): the
 * whole write was rolled back, nothing is counted as stored or as a
 * duplicate, and the sender is told to retry (503).
 */
final class StoreFailed extends \RuntimeException {}
