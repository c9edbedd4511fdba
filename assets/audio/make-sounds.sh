#!/usr/bin/env bash
# Makes every sound in assets/audio/ from nothing but sox (and espeak-ng for crowd babble).
# Run from anywhere: bash assets/audio/make-sounds.sh
#
# Output per sound: NAME.ogg (Vorbis, played first) and NAME.mp3 (fallback, needs `lame`).
# Mono, 22.05 kHz, low bitrate. sox runs with -R, so the noise is the same on every run.
#
# Levels (checked at the end with `sox FILE -n stats`):
#   ambience loops  RMS about -40 dBFS   (a bed under the voice, never in front of it)
#   emotion sounds  peak  -9 dBFS         (the customer's sigh or huff, near voice level)
#   UI sounds       peak -15 dBFS         (soft ticks and chimes)
# The game's channel volumes (voice, ambience, UI) scale these further.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

RATE=22050
LOOP=12      # loop length in seconds
XFADE=1.5    # crossfade at the loop seam in seconds
S="sox -R -V1"

command -v sox >/dev/null || { echo "sox is required (apt-get install sox libsox-fmt-all)" >&2; exit 1; }
command -v espeak-ng >/dev/null || { echo "espeak-ng is required (apt-get install espeak-ng)" >&2; exit 1; }
have_lame=1
command -v lame >/dev/null || { have_lame=0; echo "lame not found: skipping the .mp3 fallbacks (apt-get install lame)" >&2; }

# ---------- helpers ----------

# silence SECONDS OUT
silence() { $S -n -r $RATE -c 1 "$2" trim 0 "$1"; }

# place IN AT_SECONDS TOTAL_SECONDS OUT: IN padded with silence to start at AT, cut to TOTAL.
place() { $S "$1" "$4" pad "$2" 0 pad 0 "$3" trim 0 "$3"; }

# mix OUT IN...: sums inputs without the automatic 1/n scaling.
mix() {
  local out=$1; shift
  if [ $# -eq 1 ]; then cp "$1" "$out"; return; fi
  local args=()
  for f in "$@"; do args+=(-v 1 "$f"); done
  $S -m "${args[@]}" "$out"
}

# rms FILE: RMS level in dBFS.
rms() { sox "$1" -n stats 2>&1 | awk '/RMS lev dB/ {print $4}'; }
peak() { sox "$1" -n stats 2>&1 | awk '/Pk lev dB/ {print $4}'; }

# to_rms IN TARGET_DB OUT: gain so the RMS level hits TARGET.
to_rms() {
  local g
  g=$(awk -v t="$2" -v r="$(rms "$1")" 'BEGIN { printf "%.2f", t - r }')
  $S "$1" "$3" gain "$g"
}

# seamless IN OUT: turns IN (at least LOOP+XFADE long) into a LOOP-second loop whose end runs
# into its start: the first XFADE seconds are the signal just after LOOP fading out over the
# signal's own start fading in, so sample LOOP-1 and sample 0 are neighbours in the source.
seamless() {
  local body
  body=$(awk -v l=$LOOP -v x=$XFADE 'BEGIN { print l - x }')
  $S "$1" head.wav trim 0 $XFADE fade t $XFADE
  $S "$1" tail.wav trim $LOOP $XFADE reverse fade t $XFADE reverse
  mix cross.wav head.wav tail.wav
  $S "$1" rest.wav trim $XFADE "$body"
  $S cross.wav rest.wav "$2"
}

# babble SECONDS OUT: unintelligible crowd murmur from several espeak-ng voices talking over
# each other, low-passed so no word can be made out.
babble() {
  local secs=$1 out=$2 i=0 parts=()
  local lines=(
    "well I told him we would come back on tuesday, but then the car had other plans, you know how it is"
    "no, the blue one, the one with the handle, it was on the shelf right by the window last week"
    "kuulitko että ne avaa uuden kahvilan tohon kulmaan, siellä on kuulemma hyvät pullat"
    "so we waited and waited and in the end the whole family just went home and had soup instead"
    "mä en oikein tiedä, pitää kysyä vielä siskolta, se tietää näistä enemmän kuin minä"
    "and she said, honestly, if it rains again tomorrow I am staying in with a good book all day"
  )
  local voices=(en+m3 en+f2 fi+m1 en-us+f4 fi+f3 en+m5)
  local pitches=(38 62 45 70 58 30)
  for line in "${lines[@]}"; do
    espeak-ng -v "${voices[$i]}" -p "${pitches[$i]}" -s $((140 + i * 7)) -g 2 -w "v$i.wav" "$line. $line"
    # Stagger each voice and loop it so the crowd never falls silent together.
    $S "v$i.wav" -r $RATE "w$i.wav" pad "0.$((i * 13 % 10))" 0.6 repeat 3 trim 0 "$secs"
    parts+=("w$i.wav")
    i=$((i + 1))
  done
  mix raw-babble.wav "${parts[@]}"
  $S raw-babble.wav "$out" lowpass 850 lowpass 850 highpass 120
}

# tone SECONDS FREQ... OUT: soft sine partials with a quick attack and a natural decay.
tone() {
  local secs=$1 out=${*: -1} args=()
  local freqs=("${@:2:$#-2}")
  for f in "${freqs[@]}"; do args+=(sine "$f"); done
  $S -n -r $RATE -c 1 "$out" synth "$secs" "${args[@]}" fade q 0.004 "$secs" "$(awk -v s="$secs" 'BEGIN{print s*0.9}')"
}

# bell SECONDS FREQ OUT: a struck bell: inharmonic partials, exponential-ish decay.
bell() {
  local secs=$1 f=$2 out=$3
  $S -n -r $RATE -c 1 b1.wav synth "$secs" sine "$f" fade l 0.002 "$secs" "$secs"
  $S -n -r $RATE -c 1 b2.wav synth "$secs" sine "$(awk -v f="$f" 'BEGIN{print f*2.76}')" fade l 0.002 "$secs" "$secs" gain -14 fade q 0 "$(awk -v s="$secs" 'BEGIN{print s*0.5}')" "$(awk -v s="$secs" 'BEGIN{print s*0.5}')"
  $S -n -r $RATE -c 1 b3.wav synth "$secs" sine "$(awk -v f="$f" 'BEGIN{print f*5.4}')" fade l 0.002 "$secs" "$secs" gain -22 fade q 0 "$(awk -v s="$secs" 'BEGIN{print s*0.25}')" "$(awk -v s="$secs" 'BEGIN{print s*0.25}')"
  mix "$out" b1.wav b2.wav b3.wav
}

# scatter EVENT TOTAL OUT TIMES...: EVENT placed at each time, summed over TOTAL seconds.
scatter() {
  local ev=$1 total=$2 out=$3; shift 3
  local n=0 parts=()
  for t in "$@"; do place "$ev" "$t" "$total" "sc$n.wav"; parts+=("sc$n.wav"); n=$((n + 1)); done
  mix "$out" "${parts[@]}"
}

# breath SECONDS CENTRE_HZ WIDTH_HZ ATTACK OUT: breath-like filtered noise.
breath() {
  $S -n -r $RATE -c 1 "$5" synth "$1" pinknoise band "$2" "$3" band "$2" "$3" fade q "$4" "$1" "$(awk -v s="$1" -v a="$4" 'BEGIN{print s-a}')"
}

# encode IN NAME: writes NAME.ogg (and NAME.mp3) into assets/audio.
encode() {
  local in=$1 name=$2
  $S "$in" -r $RATE -c 1 -C 0 "$here/$name.ogg"
  if [ $have_lame -eq 1 ]; then
    $S "$in" -r $RATE -c 1 -b 16 -e signed-integer "$name-16.wav"
    lame --quiet -m m -b 40 --resample 22.05 "$name-16.wav" "$here/$name.mp3"
  fi
}

TOTAL=$(awk -v l=$LOOP -v x=$XFADE 'BEGIN { print l + x }')

# ---------- ambience loops (LOOP seconds, seamless) ----------

ambience() { # NAME RAW_IN
  seamless "$2" "loop-$1.wav"
  to_rms "loop-$1.wav" -40 "lev-$1.wav"
  encode "lev-$1.wav" "ambience-$1"
}

# Shop: murmur, a shelf-side hum and the odd soft till beep in the distance.
babble "$TOTAL" crowd.wav
$S crowd.wav crowd-dry.wav gain -6
tone 0.09 2300 beep1.wav
$S beep1.wav beep.wav pad 0 0.08 repeat 1 lowpass 3000 gain -22
scatter beep.wav "$TOTAL" beeps.wav 2.3 7.8 10.6
$S -n -r $RATE -c 1 shophum.wav synth "$TOTAL" brownnoise lowpass 300 gain -24
mix shop.wav crowd-dry.wav beeps.wav shophum.wav
ambience shop shop.wav

# Phone: the faint hiss of a line and a far-off office hum, band-limited like a handset.
$S -n -r $RATE -c 1 hiss.wav synth "$TOTAL" whitenoise highpass 900 lowpass 3400 gain -30
$S -n -r $RATE -c 1 linehum.wav synth "$TOTAL" sine 100 sine 150 gain -38 tremolo 0.3 20
$S -n -r $RATE -c 1 room.wav synth "$TOTAL" pinknoise highpass 300 lowpass 1200 gain -28
mix phone.wav hiss.wav linehum.wav room.wav
ambience phone phone.wav

# Airport: a big hall: murmur drowned in reverb, and a soft three-note chime once a loop.
$S crowd.wav hall.wav reverb 90 50 100 100 40 gain -4
bell 2.2 523.25 c1.wav
bell 2.2 659.25 c2.wav
bell 2.8 783.99 c3.wav
place c2.wav 0.45 3.5 c2p.wav
place c3.wav 0.9 3.5 c3p.wav
place c1.wav 0 3.5 c1p.wav
mix chime-dry.wav c1p.wav c2p.wav c3p.wav
$S chime-dry.wav chime.wav reverb 70 50 100 100 30 gain -17
place chime.wav 4.0 "$TOTAL" chimep.wav
mix airport.wav hall.wav chimep.wav
ambience airport airport.wav

# Restaurant: a warmer murmur and cutlery touching plates now and then.
$S crowd.wav warm.wav lowpass 600 reverb 40 gain -3
bell 0.18 3100 k1.wav
bell 0.12 4300 k2.wav
$S k1.wav k1s.wav highpass 1500 gain -18
$S k2.wav k2s.wav highpass 1500 gain -20
scatter k1s.wav "$TOTAL" clinks1.wav 1.1 4.75 8.2 11.9
scatter k2s.wav "$TOTAL" clinks2.wav 1.22 3.3 6.05 9.4 9.52
mix restaurant.wav warm.wav clinks1.wav clinks2.wav
ambience restaurant restaurant.wav

# Office: ventilation hum and someone typing at the next desk.
$S -n -r $RATE -c 1 vent.wav synth "$TOTAL" brownnoise lowpass 250 gain -8
$S -n -r $RATE -c 1 mains.wav synth "$TOTAL" sine 100 gain -40
$S -n -r $RATE -c 1 key.wav synth 0.025 whitenoise band 2500 1500 fade q 0.001 0.025 0.022 gain -20
keys=()
t=0.6
for burst in 9 5 12 7 10; do
  for _ in $(seq "$burst"); do
    keys+=("$t")
    t=$(awk -v t="$t" -v b="$burst" -v n="${#keys[@]}" 'BEGIN { printf "%.3f", t + 0.09 + ((n * 37 + b) % 7) * 0.018 }')
  done
  t=$(awk -v t="$t" 'BEGIN { printf "%.3f", t + 1.1 }')
done
scatter key.wav "$TOTAL" typing.wav "${keys[@]}"
mix office.wav vent.wav mains.wav typing.wav
ambience office office.wav

# Chat: next to nothing: a soft, dark room tone.
$S -n -r $RATE -c 1 chat.wav synth "$TOTAL" pinknoise lowpass 400 lowpass 400 gain -6
ambience chat chat.wav

# Pharmacy: a quiet shop murmur, the door chime once a loop, and paper bags rustling.
$S crowd.wav quiet.wav lowpass 900 gain -12
bell 1.4 1318.5 dc1.wav
bell 1.8 987.77 dc2.wav
place dc2.wav 0.25 2.2 dc2p.wav
mix doorchime-dry.wav dc1.wav dc2p.wav
$S doorchime-dry.wav doorchime.wav gain -20
place doorchime.wav 3.0 "$TOTAL" doorchimep.wav
$S -n -r $RATE -c 1 rustle1.wav synth 0.35 whitenoise band 3500 2500 fade q 0.05 0.35 0.2 gain -30
scatter rustle1.wav "$TOTAL" rustle.wav 6.4 6.9 10.2
mix pharmacy.wav quiet.wav doorchimep.wav rustle.wav shophum.wav
ambience pharmacy pharmacy.wav

# Hotel: a soft lobby with reverb and the desk bell once a loop.
$S crowd.wav lobby.wav lowpass 700 reverb 60 50 100 100 20 gain -8
bell 1.6 2093 deskbell-dry.wav
$S deskbell-dry.wav deskbell.wav gain -20 reverb 30
place deskbell.wav 7.5 "$TOTAL" deskbellp.wav
mix hotel.wav lobby.wav deskbellp.wav vent.wav
ambience hotel hotel.wav

# Bank: a hushed hall and the two-note queue chime that calls the next number.
$S crowd.wav hush.wav lowpass 500 reverb 80 gain -14
bell 1.2 880 q1.wav
bell 1.6 698.46 q2.wav
place q2.wav 0.35 2.0 q2p.wav
mix queue-dry.wav q1.wav q2p.wav
$S queue-dry.wav queue.wav reverb 50 gain -18
place queue.wav 5.0 "$TOTAL" queuep.wav
mix bank.wav hush.wav queuep.wav vent.wav
ambience bank bank.wav

# Clinic: ventilation, a clock-like quiet and a soft single chime for the next patient.
$S -n -r $RATE -c 1 cvent.wav synth "$TOTAL" brownnoise lowpass 200 gain -10
$S crowd.wav waiting.wav lowpass 400 gain -18
bell 1.4 1046.5 next-dry.wav
$S next-dry.wav next.wav gain -22
place next.wav 8.5 "$TOTAL" nextp.wav
mix clinic.wav cvent.wav waiting.wav nextp.wav
ambience clinic clinic.wav

# Car service: a workshop behind a wall: compressor hum and a short air-wrench burst now and then.
$S -n -r $RATE -c 1 comp.wav synth "$TOTAL" sine 58 sine 116 brownnoise lowpass 400 gain -20
$S -n -r $RATE -c 1 wrench1.wav synth 0.6 whitenoise band 1800 800 tremolo 28 90 fade q 0.02 0.6 0.1 lowpass 1500 gain -24
scatter wrench1.wav "$TOTAL" wrench.wav 2.5 3.3 9.1
mix car-service.wav comp.wav wrench.wav crowd-dry.wav
$S car-service.wav car-service-muffled.wav lowpass 1200
ambience car-service car-service-muffled.wav

# Transit: a bus or tram on the move: low rumble with a slow sway and the odd rail joint.
$S -n -r $RATE -c 1 rumble.wav synth "$TOTAL" brownnoise lowpass 160 tremolo 0.4 30 gain -2
$S -n -r $RATE -c 1 joint1.wav synth 0.12 brownnoise lowpass 500 fade q 0.005 0.12 0.1 gain -8
scatter joint1.wav "$TOTAL" joints.wav 1.9 2.15 7.3 7.55
mix transit.wav rumble.wav joints.wav
ambience transit transit.wav

# Checkout: a supermarket murmur and scanner beeps at a cashier's pace.
tone 0.08 2900 scan1.wav
$S scan1.wav scan.wav lowpass 3500 gain -20
scatter scan.wav "$TOTAL" scans.wav 0.8 1.6 2.9 3.5 5.2 6.1 6.7 8.4 9.9 11.0
mix checkout.wav crowd-dry.wav scans.wav shophum.wav
ambience checkout checkout.wav

# ---------- UI sounds (short, soft) ----------

ui() { # NAME IN
  $S "$2" "lev-ui-$1.wav" gain -n -15
  encode "lev-ui-$1.wav" "ui-$1"
}
tone 0.05 1320 2640 move.wav
ui move move.wav
tone 0.14 659.25 1318.5 s1.wav
tone 0.22 987.77 1975.5 s2.wav
place s2.wav 0.07 0.3 s2p.wav
place s1.wav 0 0.3 s1p.wav
mix select.wav s1p.wav s2p.wav
ui select select.wav
tone 0.14 880 1760 k1.wav
tone 0.2 659.25 1318.5 k2.wav
place k2.wav 0.07 0.28 k2p.wav
place k1.wav 0 0.28 k1p.wav
mix back.wav k1p.wav k2p.wav
ui back back.wav
tone 0.32 440 880 pause-raw.wav
$S pause-raw.wav pause.wav lowpass 2000
ui pause pause.wav
tone 0.12 440 880 r1.wav
tone 0.24 659.25 1318.5 r2.wav
place r2.wav 0.08 0.32 r2p.wav
place r1.wav 0 0.32 r1p.wav
mix resume.wav r1p.wav r2p.wav
ui resume resume.wav

# ---------- emotion sounds ----------

emotion() { # NAME IN
  $S "$2" "lev-em-$1.wav" gain -n -9
  encode "lev-em-$1.wav" "emotion-$1"
}

# Sigh: a short breath in, then a long, falling breath out.
breath 0.45 1500 900 0.3 in.wav
$S in.wav in-soft.wav gain -10
breath 1.4 650 500 0.12 out.wav
$S out.wav out-fall.wav fade l 0 1.4 1.1
silence 0.12 gap.wav
$S in-soft.wav gap.wav out-fall.wav sigh.wav
emotion sigh sigh.wav

# Huff: a quick, forceful breath out through the nose.
breath 0.38 900 700 0.02 huff-raw.wav
$S huff-raw.wav huff.wav fade l 0 0.38 0.3 lowpass 2500
emotion huff huff.wav

# Relieved: a slow, soft, lower breath out.
breath 1.6 480 380 0.35 rel-raw.wav
$S rel-raw.wav relieved.wav fade h 0 1.6 1.2
emotion relieved relieved.wav

# Phone ring: two bursts of a warbling desk-phone ring.
$S -n -r $RATE -c 1 ring1.wav synth 0.45 sine 1150 sine 1450 tremolo 22 85 fade q 0.01 0.45 0.04
silence 0.22 ringgap.wav
$S ring1.wav ringgap.wav ring1.wav phone-ring.wav lowpass 3400
emotion phone-ring phone-ring.wav

# Door: the latch, a soft thud as it closes, the latch catching.
$S -n -r $RATE -c 1 latch.wav synth 0.03 whitenoise highpass 1800 lowpass 5000 fade q 0.001 0.03 0.025 gain -6
$S -n -r $RATE -c 1 thud.wav synth 0.35 brownnoise lowpass 180 fade q 0.004 0.35 0.32
place latch.wav 0 0.9 l1.wav
place thud.wav 0.42 0.9 t1.wav
place latch.wav 0.45 0.9 l2.wav
mix door-dry.wav l1.wav t1.wav l2.wav
$S door-dry.wav door.wav reverb 20
emotion door door.wav

# Shop door: the same door with a small bell over it.
bell 1.1 2093 d1.wav
bell 1.0 2637 d2.wav
place d2.wav 0.14 1.2 d2p.wav
mix dbell.wav d1.wav d2p.wav
$S dbell.wav dbell-soft.wav gain -8
place door.wav 0 1.4 doorp.wav
place dbell-soft.wav 0.05 1.4 dbellp.wav
mix door-bell.wav doorp.wav dbellp.wav
emotion door-bell door-bell.wav

# Over the phone the customer's breath comes through a handset: band-limited, with line hiss.
for name in sigh huff relieved; do
  $S "lev-em-$name.wav" "ph-$name.wav" highpass 300 highpass 300 lowpass 3400 lowpass 3400 gain 3
  $S -n -r $RATE -c 1 "ph-hiss-$name.wav" synth "$(soxi -D "lev-em-$name.wav")" whitenoise highpass 900 lowpass 3400 gain -46
  mix "ph-mix-$name.wav" "ph-$name.wav" "ph-hiss-$name.wav"
  emotion "$name-phone" "ph-mix-$name.wav"
done

# ---------- report ----------
echo "file                          secs     RMS dB   peak dB   bytes"
for f in "$here"/*.ogg; do
  printf '%-28s %6.2f %9s %9s %7d\n' "$(basename "$f")" "$(soxi -D "$f")" "$(rms "$f")" "$(peak "$f")" "$(stat -c %s "$f")"
done
du -cb "$here"/*.ogg | tail -n 1 | awk '{ printf "ogg total %d bytes\n", $1 }'
if [ $have_lame -eq 1 ]; then
  du -cb "$here"/*.mp3 | tail -n 1 | awk '{ printf "mp3 total %d bytes\n", $1 }'
fi
