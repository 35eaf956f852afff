;; The prefilter's walks over an ASCII text, as WebAssembly (see secrets.walk.ts for why and how
;; they are used, and secrets.keywords.ts for the passes themselves). The memory holds the
;; prefilter's tables and the text, at the addresses below (secrets.walk.ts writes them there).
;; Addresses are bytes; positions in the text are addresses too, from TEXT on. The caller copies
;; the text in as it goes and calls a walk only where the text through its end and 64 bytes more
;; is copied and ASCII; after the text's end come two zero bytes (charCodeAt past the end reads
;; as 0 in the JavaScript these walks stand for). Every read stays below the text's end plus
;; those two bytes ($end and the checks against it). `npm run wasm` assembles this file into
;; secrets.walk.wasm.ts; a test fails while that file is out of date.
;;
;;   LIVE_PAIRS       0   16 KB   1 where a literal not yet found starts with the pair (first * 128 + second)
;;   LIVE_BITS    16384  256 KB   one bit per (pair, third byte) where one may start
;;   START_BITS  278528  256 KB   the same for every literal
;;   ROW_OF      540672   64 KB   i32 per pair: its row (0: no literal starts with it)
;;   ROW_START   606208   16 KB   i32 per row: where its literals begin in PAIR_LIST (and row + 1 where they end)
;;   PAIR_LIST   622592   32 KB   i32: literal indexes, row after row
;;   LIT_OFFSET  655360    4 KB   i32 per literal: where its lower-case text starts in LIT_TEXT
;;   LIT_LENGTH  659456    4 KB   i32 per literal: its length
;;   LIT_FLAGS   663552    1 KB   byte per literal: 1 found, 2 a trigger (a regex decides, not its text)
;;   LIT_TEXT    664576   16 KB   the literals' text, lower case, and in its last 16 bytes:
;;   RESULTS     680944   16 B    i32s: newlines and last newline (nextStart), first literal (lines)
;;   TEXT        680960           the text
(module
  (memory (import "walk" "memory") 1)
  ;; The text's end (an address); set by the caller for each text.
  (global $end (export "end") (mut i32) (i32.const 0))
  ;; What a call found besides its answer goes to RESULTS, where the caller reads it with one
  ;; typed-array read (a global's value is a slower call from JavaScript):
  ;;   +0 the newlines `nextStart` passed, +4 the address of the last one (-1: none),
  ;;   +8 the first literal of the last line `lines` took.

  ;; Whether a literal of the pair's row matches at `at` (`live`: one not yet found): 0 none,
  ;; 1 one does, 2 only a trigger's text does (its regex decides: the caller's business).
  (func $verify (param $at i32) (param $live i32) (result i32)
    (local $row i32) (local $k i32) (local $stop i32) (local $index i32) (local $flags i32)
    (local $length i32) (local $offset i32) (local $j i32) (local $c i32) (local $result i32)
    (local.set $row
      (i32.load offset=540672
        (i32.shl
          (i32.or (i32.shl (i32.load8_u (local.get $at)) (i32.const 7)) (i32.load8_u offset=1 (local.get $at)))
          (i32.const 2))))
    (local.set $k (i32.load offset=606208 (i32.shl (local.get $row) (i32.const 2))))
    (local.set $stop (i32.load offset=606212 (i32.shl (local.get $row) (i32.const 2))))
    (block $done
      (loop $literal
        (br_if $done (i32.ge_u (local.get $k) (local.get $stop)))
        (local.set $index (i32.load offset=622592 (i32.shl (local.get $k) (i32.const 2))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $flags (i32.load8_u offset=663552 (local.get $index)))
        (br_if $literal (i32.and (local.get $live) (i32.and (local.get $flags) (i32.const 1))))
        (local.set $length (i32.load offset=659456 (i32.shl (local.get $index) (i32.const 2))))
        (local.set $offset (i32.load offset=655360 (i32.shl (local.get $index) (i32.const 2))))
        (br_if $literal (i32.gt_u (i32.add (local.get $at) (local.get $length)) (global.get $end)))
        ;; The first two characters are the row's pair; compare the rest, ASCII lower-cased.
        (local.set $j (i32.const 2))
        (block $matched
          (loop $character
            (br_if $matched (i32.ge_u (local.get $j) (local.get $length)))
            (local.set $c (i32.load8_u (i32.add (local.get $at) (local.get $j))))
            (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26))
              (then (local.set $c (i32.add (local.get $c) (i32.const 32)))))
            (br_if $literal
              (i32.ne (local.get $c) (i32.load8_u offset=664576 (i32.add (local.get $offset) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $character)))
        (if (i32.eqz (i32.and (local.get $flags) (i32.const 2))) (then (return (i32.const 1))))
        (local.set $result (i32.const 2))
        (br $literal)))
    (local.get $result))

  ;; The first address in [from, to) where a literal matches (`live`: one not yet found), or a
  ;; trigger's text does; `to` when there is none. Counts the newlines before it, and the last
  ;; one's address, in RESULTS. The text's bytes there and the few after are ASCII.
  (func (export "nextStart") (param $from i32) (param $to i32) (param $live i32) (result i32)
    (local $at i32) (local $c0 i32) (local $bit i32) (local $count i32) (local $last i32)
    (local.set $at (local.get $from))
    (local.set $last (i32.const -1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $c0 (i32.load8_u (local.get $at)))
        (if (i32.eq (local.get $c0) (i32.const 10))
          (then
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $last (local.get $at)))
          (else
            (local.set $bit
              (i32.or
                (i32.or (i32.shl (local.get $c0) (i32.const 14)) (i32.shl (i32.load8_u offset=1 (local.get $at)) (i32.const 7)))
                (i32.load8_u offset=2 (local.get $at))))
            (if (i32.and
                  (i32.load8_u offset=278528 (i32.shr_u (local.get $bit) (i32.const 3)))
                  (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 7))))
              (then (br_if $done (call $verify (local.get $at) (local.get $live)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (i32.store offset=680944 (i32.const 0) (local.get $count))
    (i32.store offset=680948 (i32.const 0) (local.get $last))
    (local.get $at))

  ;; The first address in [from, to) where a literal not yet found matches (or a trigger's text
  ;; does), or whose bytes are not ASCII; `to` when there is none.
  (func (export "nextLive") (param $from i32) (param $to i32) (result i32)
    (local $at i32) (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $bit i32)
    (local.set $at (local.get $from))
    (local.set $c1 (i32.load8_u (local.get $at)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $c0 (local.get $c1))
        (local.set $c1 (i32.load8_u offset=1 (local.get $at)))
        (br_if $done (i32.ge_u (i32.or (local.get $c0) (local.get $c1)) (i32.const 128)))
        (if (i32.load8_u (i32.or (i32.shl (local.get $c0) (i32.const 7)) (local.get $c1)))
          (then
            (local.set $c2 (i32.load8_u offset=2 (local.get $at)))
            (br_if $done (i32.ge_u (local.get $c2) (i32.const 128)))
            (local.set $bit (i32.or (i32.or (i32.shl (local.get $c0) (i32.const 14)) (i32.shl (local.get $c1) (i32.const 7))) (local.get $c2)))
            (if (i32.and
                  (i32.load8_u offset=16384 (i32.shr_u (local.get $bit) (i32.const 3)))
                  (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 7))))
              (then (br_if $done (call $verify (local.get $at) (i32.const 1)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (local.get $at))

  ;; Takes whole lines after the newline at `from` while each holds a literal (its first one in
  ;; RESULTS) and ends with a newline before `stop`, until one ends at or past `limit`. Returns the
  ;; newline ending the last line taken (`from` when none). A line is not taken, and the walk
  ;; stops before it, when its first candidate is a trigger's text alone (a regex decides) or a
  ;; byte is not ASCII: the caller's own pass decides those lines.
  (func (export "lines") (param $from i32) (param $stop i32) (param $limit i32) (result i32)
    (local $taken i32) (local $at i32) (local $first i32) (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local $bit i32) (local $verdict i32)
    (local.set $taken (local.get $from))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $taken) (local.get $limit)))
        (local.set $at (i32.add (local.get $taken) (i32.const 1)))
        (local.set $first (i32.const -1))
        ;; The line's first literal.
        (block $found
          (loop $next
            (br_if $done (i32.ge_u (local.get $at) (global.get $end)))
            (local.set $c0 (i32.load8_u (local.get $at)))
            (br_if $done (i32.eq (local.get $c0) (i32.const 10)))
            (local.set $c1 (i32.load8_u offset=1 (local.get $at)))
            (local.set $c2 (i32.load8_u offset=2 (local.get $at)))
            (br_if $done (i32.ge_u (i32.or (i32.or (local.get $c0) (local.get $c1)) (local.get $c2)) (i32.const 128)))
            (local.set $bit (i32.or (i32.or (i32.shl (local.get $c0) (i32.const 14)) (i32.shl (local.get $c1) (i32.const 7))) (local.get $c2)))
            (if (i32.and
                  (i32.load8_u offset=278528 (i32.shr_u (local.get $bit) (i32.const 3)))
                  (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 7))))
              (then
                (local.set $verdict (call $verify (local.get $at) (i32.const 0)))
                (br_if $done (i32.eq (local.get $verdict) (i32.const 2)))
                (if (local.get $verdict) (then (local.set $first (local.get $at)) (br $found)))))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $next)))
        ;; Its end: a newline before `stop` and the text's end.
        (loop $char
          (br_if $done (i32.ge_u (local.get $at) (global.get $end)))
          (if (i32.ne (i32.load8_u (local.get $at)) (i32.const 10))
            (then
              (local.set $at (i32.add (local.get $at) (i32.const 1)))
              (br $char))))
        (br_if $done (i32.lt_u (local.get $stop) (local.get $at)))
        (local.set $taken (local.get $at))
        (i32.store offset=680952 (i32.const 0) (local.get $first))
        (br $line)))
    (local.get $taken))
)
