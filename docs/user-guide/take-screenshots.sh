#!/usr/bin/env bash
# Retakes the screenshots of docs/user-guide.md from the real app, driven like a person would drive it.
#
#   mvn -B package -DskipTests                 # builds target/epa-workbench.jar
#   docs/user-guide/take-screenshots.sh        # writes docs/user-guide/*.png
#
# Needs (Debian packages): xvfb openbox xdotool x11-utils imagemagick pngquant optipng poppler-utils
# python3, and Java 17.
# It runs the app on its own X display (Xvfb, 1366x768, the size of a common assessor's laptop) with
# openbox for window frames, and plays two people: an assessor (home folder /home/sam) and the
# office (/home/office). Those two folders are made for the run and removed first, so the script
# refuses to touch them unless they are missing or were made by an earlier run of it. Run it in a
# throwaway machine or container, never on a desktop you use: it types and clicks on its display.
#
# Nothing in the build or the tests runs this script. The steps wait for the app with fixed pauses
# (STARTUP_WAIT for a cold start); on a slow or busy machine raise them, e.g. STARTUP_WAIT=40. A run
# takes about 10 minutes and needs no hand steps.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/docs/user-guide}
JAR=${JAR:-$ROOT/target/epa-workbench.jar}
SAM=${SAM_HOME:-/home/sam}
OFFICE=${OFFICE_HOME:-/home/office}
DISPLAY_NUM=${DISPLAY_NUM:-143}
STARTUP_WAIT=${STARTUP_WAIT:-25}
PASSWORD=correct-horse-42
WORK=${SHOTS_WORK:-$(mktemp -d)}
MARK=.epa-workbench-screenshots
export DISPLAY=:$DISPLAY_NUM
W=1366
H=768

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- the display -------------------------------------------------------------------------------

start_display() {
    if [[ -e /tmp/.X$DISPLAY_NUM-lock ]]; then
        log "display $DISPLAY is in use: choose a free one with DISPLAY_NUM=..."
        exit 2
    fi
    Xvfb "$DISPLAY" -screen 0 ${W}x${H}x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    echo $! >"$WORK/xvfb.pid"
    sleep 1.5
    openbox >"$WORK/openbox.log" 2>&1 &
    echo $! >"$WORK/openbox.pid"
    sleep 1.5
}

stop_display() {
    stop_app
    for p in openbox xvfb; do
        [[ -f $WORK/$p.pid ]] && kill "$(cat "$WORK/$p.pid")" 2>/dev/null || true
    done
}

# ---- the app -----------------------------------------------------------------------------------

# start_app HOME: the app as that person starts it, UK English and UK time, with their data folder
start_app() {
    local home=$1
    (cd "$home" && exec env -u XDG_DATA_HOME -u EPA_WORKBENCH_DATA_DIR HOME="$home" TZ=Europe/London java -Duser.home="$home" -Duser.language=en \
        -Duser.country=GB -Duser.timezone=Europe/London -jar "$JAR" >"$WORK/app.log" 2>&1) &
    echo $! >"$WORK/app.pid"
    xdotool search --sync --name '^EPA Workbench$' >/dev/null
    sleep "$STARTUP_WAIT"
    main_window
}

# kill_app: as if the laptop lost power or the app crashed (SIGKILL: nothing is tidied up)
kill_app() {
    kill -9 "$(cat "$WORK/app.pid")"
    sleep 2
}

stop_app() {
    if [[ -f $WORK/app.pid ]]; then
        kill "$(cat "$WORK/app.pid")" 2>/dev/null || true
        sleep 3
        rm -f "$WORK/app.pid"
    fi
}

# the main window, filling the screen. The app opens it maximised on a first start: restored first (a
# double-click on the title bar in openbox), then sized, as the steps' places are measured so
main_window() {
    local id
    id=$(xdotool search --name '^EPA Workbench$' | head -1)
    if xprop -id "$id" _NET_WM_STATE | grep -q MAXIMIZED; then
        xdotool mousemove 683 9 click --repeat 2 --delay 80 1
        sleep 1.5
    fi
    xdotool windowmove "$id" 0 0 windowsize "$id" $W $((H - 18))
    xdotool windowactivate "$id" 2>/dev/null || true
    sleep 1
}

# at_size W H: the main window sized W x H (its inside), at the top left; maximised: back to the screen's size
at_size() {
    local id
    id=$(xdotool search --name '^EPA Workbench$' | head -1)
    xdotool windowsize "$id" "$1" "$2"
    sleep 0.5
    xdotool windowmove "$id" 0 0
    sleep 2
}
maximised() {
    main_window
    sleep 1
}
# the main window's inside as WxH+X+Y, for cropping a picture to it
window_box() {
    local id
    id=$(xdotool search --name '^EPA Workbench$' | head -1)
    xwininfo -id "$id" | awk '/Absolute upper-left X:/{x=$4} /Absolute upper-left Y:/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print w "x" h "+" x "+" y}'
}

# ---- driving it --------------------------------------------------------------------------------

key() { xdotool key --delay 90 "$@"; sleep 0.5; }
type_text() { xdotool type --delay 35 "$1"; sleep 0.4; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.8}"; }
double_click() { xdotool mousemove "$1" "$2" click --repeat 2 --delay 90 1; sleep "${3:-1}"; }

# dialog TITLE [BOX]: waits for the dialog, gives it its frame (under Xvfb some dialogs come up without
# one in the top-left corner), centres it on the screen, or in BOX (WxH+X+Y, e.g. "$(window_box)"), and
# sets DX DY DW DH to its inside.
dialog() {
    local id=""
    for _ in $(seq 1 60); do
        id=$(xdotool search --onlyvisible --name "^$1" 2>/dev/null | tail -1 || true)
        [[ -n $id ]] && break
        sleep 0.5
    done
    [[ -n $id ]] || { log "no dialog '$1'"; return 1; }
    sleep 0.8
    if ! xprop -id "$id" _NET_FRAME_EXTENTS | grep -q '='; then
        xdotool windowunmap --sync "$id"
        sleep 0.3
        xdotool windowmap --sync "$id"
        sleep 0.8
    fi
    read -r DW DH < <(xwininfo -id "$id" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w, h}')
    local bw=$W bh=$H bx=0 by=0
    if [[ -n ${2:-} ]]; then
        IFS='x+' read -r bw bh bx by <<<"$2"
    fi
    local top=$((by + (bh - DH) / 2 - 10)) left=$((bx + (bw - DW) / 2))
    ((top < 0)) && top=0
    ((left < 0)) && left=0
    xdotool windowmove "$id" $left $top
    sleep 0.6
    read -r DX DY < <(xwininfo -id "$id" | awk '/Absolute upper-left X:/{x=$4} /Absolute upper-left Y:/{y=$4} END{print x, y}')
    xdotool windowactivate "$id" 2>/dev/null || true
    sleep 0.3
}

# in_dialog X Y / from_corner X Y: a click inside the last dialog, from its top-left or bottom-right corner
in_dialog() { click $((DX + $1)) $((DY + $2)) "${3:-0.8}"; }
from_corner() { click $((DX + DW - $1)) $((DY + DH - $2)) "${3:-0.8}"; }

# signature X Y STYLE: a drawn signature in the pad whose top-left corner is X Y
signature() {
    local x=$1 y=$2 style=$3 points
    if [[ $style == 1 ]]; then
        points="10,60 18,30 26,15 32,40 30,70 40,45 52,30 60,55 66,62 78,35 90,50 100,58 112,40 126,52 140,47 160,56 190,50"
    else
        points="14,70 22,35 38,22 44,48 40,72 58,44 70,40 74,60 92,38 104,58 118,44 132,60 150,38 170,55 200,48 236,52"
    fi
    local first=1 p
    for p in $points; do
        xdotool mousemove $((x + ${p%,*})) $((y + ${p#*,}))
        if [[ $first == 1 ]]; then xdotool mousedown 1; first=0; fi
        sleep 0.03
    done
    xdotool mouseup 1
    sleep 0.2
    xdotool mousemove $((x + 30)) $((y + 78)) mousedown 1
    for p in 80,76 140,79 210,75; do xdotool mousemove $((x + ${p%,*})) $((y + ${p#*,})); sleep 0.03; done
    xdotool mouseup 1
    sleep 0.3
}

# choose_file TITLE PATH: in the GTK file chooser with that title, type the path (Ctrl+L) and open it
choose_file() {
    dialog "$1"
    key ctrl+l
    type_text "$2"
    key Return
    sleep 1.5
}

# choose_folder TITLE: in the GTK folder chooser: Home, then its second folder ("USB stick";
# "Documents" sorts first), then Open
choose_folder() {
    dialog "$1"
    in_dialog 56 79
    double_click $((DX + 220)) $((DY + 103))
    from_corner 50 28 1.5
}

# ---- pictures ----------------------------------------------------------------------------------

shoot() { sleep "${2:-1}"; import -window root "$WORK/$1.raw.png"; }

# save NAME [GEOMETRY]: the last shot, cropped (WxH+X+Y) and made small, as docs/user-guide/NAME.png
save() {
    local name=$1 crop=${2:-}
    if [[ -n $crop ]]; then
        convert "$WORK/$name.raw.png" -crop "$crop" +repage "$WORK/$name.png"
    else
        cp "$WORK/$name.raw.png" "$WORK/$name.png"
    fi
    convert "$WORK/$name.png" -strip "$OUT/$name.png"
    if command -v pngquant >/dev/null; then
        pngquant --force --skip-if-larger --quality 75-95 --output "$OUT/$name.png" "$OUT/$name.png" || true
    fi
    if command -v optipng >/dev/null; then
        optipng -quiet -o2 "$OUT/$name.png" || true
    fi
    log "saved $name.png"
}

# the last dialog with its frame and a little around it
dialog_box() { echo "$((DW + 2))x$((DH + 21))+$((DX - 1))+$((DY - 20))"; }

shoot_dialog() { shoot "$1" "${2:-1}"; save "$1" "$(dialog_box)"; }
shoot_screen() { shoot "$1" "${2:-1}"; save "$1"; }

# ---- the people --------------------------------------------------------------------------------

fresh_home() {
    local home=$1
    if [[ -e $home && ! -e $home/$MARK ]]; then
        log "$home exists and was not made by this script: set SAM_HOME / OFFICE_HOME to other folders"
        exit 2
    fi
    rm -rf "$home"
    mkdir -p "$home/USB stick" "$home/Documents"
    touch "$home/$MARK"
}

day() { date -d "$1" +%-d/%-m/%Y; }

# ---- the story ---------------------------------------------------------------------------------

first_run() {
    log "first run"
    start_app "$SAM"
    shoot 01-first-run
    save 01-first-run 1366x400+0+0
}

add_apprentice() {
    log "add an apprentice"
    click 744 229 1.5                     # Add an apprentice
    dialog "New apprentice"
    type_text "Priya Shah"; key Tab
    type_text "4512039871"; key Tab
    type_text "Harbour Foods Ltd"; key Tab
    type_text "Northern Skills Academy"; key Tab
    key F4; key Down Return               # the first plan: Highfield, Customer Service Specialist L3
    key Tab; type_text "$(day '-15 months')"; key Tab
    type_text "$(day '-20 days')"; key Tab
    shoot_dialog 02-new-apprentice
    from_corner 58 32 2                   # Save
}

new_session() {
    log "new session"
    click 1283 476 1.5                    # New session
    dialog "Assessor profile"
    type_text "Sam Okafor"; key Tab
    type_text "EPA-004217"; key Tab
    type_text "Highfield Assessment"
    shoot_dialog 03-assessor-profile
    key Return
    dialog "New session"
    in_dialog 220 119 1                   # Component
    in_dialog 200 229                     # Practical observation with Q&As
    in_dialog 300 245                     # Location
    type_text "Customer service desk, Harbour Foods, Leeds"
    in_dialog 200 287                     # ID check
    type_text "Passport"
    shoot_dialog 04-new-session
    key Return; sleep 3                   # Create session
    shoot_screen 05-session-ready
}

run_observation() {
    log "run the observation"
    key ctrl+Return                       # start
    sleep 3
    key m; key j; key m; key j; key m; key j   # K3.3, K3.4, K3.5 met
    key a; key j                          # K4.2 did not arise
    key F8                                # questioning starts
    sleep 4
    key m                                 # S1.1 met, with a note
    key ctrl+n
    type_text "Explained the returns policy calmly to an upset customer and checked she understood the options."
    key ctrl+Return
    key Escape
    sleep 6
    shoot_screen 06-session-running
    # the same screen on a 1280 x 720 laptop: two columns, the note under its criterion, the grade above the list
    at_size 1280 720
    shoot 06-session-running-1280x720
    save 06-session-running-1280x720 "$(window_box)"
    maximised
    click 412 526 1.5                      # Rule
    shoot 07-questioning-rule
    save 07-questioning-rule 480x240+5+515
    key Escape
    sleep 0.5
    key F8                                 # questioning stops
    key F1
    dialog "Keyboard shortcuts"
    shoot_dialog 08-shortcuts
    key Escape
    key ctrl+p
    dialog "Pause"
    type_text "Apprentice's comfort break"
    shoot_dialog 09-pause-reason
    from_corner 57 31 2                    # Record
    sleep 5
    key ctrl+Return                        # resume
    sleep 8
}

crash_and_recover() {
    log "crash"
    kill_app
    sleep 25
    start_app "$SAM"
    dialog "The app stopped during this session"
    shoot_dialog 10-crash-gap
    from_corner 130 31 2                   # Yes, it kept running
    main_window                            # the question came up before the window was made full size
    sleep 2
}

finish_observation() {
    log "finish"
    key slash; type_text "K4.2"; key Return     # it did arise after all
    key m
    key slash; type_text "S1.2"; key Return
    key m; key j
    key n; key j                                # S1.3, a distinction criterion, not met
    for _ in $(seq 1 16); do key m; key j; done
    sleep 2
    key ctrl+e
    dialog "End the session"
    type_text "Fire alarm in the store; the employer closed the shop floor."
    shoot_dialog 11-end-reason
    from_corner 57 31 2                    # Record
    shoot_screen 12-session-ended
}

sign_record() {
    log "sign"
    click 1106 128 2                        # Sign record
    dialog "Declarations"
    signature $((DX + 40)) $((DY + 285)) 1          # the apprentice signs on this screen
    xdotool mousemove $((DX + 300)) $((DY + 400)) click --repeat 15 --delay 50 5   # down to the assessor's pad
    sleep 1
    signature $((DX + 40)) $((DY + 432)) 2
    shoot_dialog 13-declarations
    from_corner 150 28 2                    # Record declarations and sign…
    dialog "Create your signing identity"
    type_text "$PASSWORD"; key Tab; type_text "$PASSWORD"
    shoot_dialog 14-signing-identity
    key Return
    dialog "Record signed"
    shoot_dialog 15-record-signed
    key Return
    local pdf
    pdf=$(ls "$SAM/.local/share/epa-workbench/records/"*.pdf | head -1)
    pdftoppm -r 70 -f 1 -l 1 -png "$pdf" "$WORK/page"
    convert "$WORK"/page-1.png -bordercolor '#c8c8c8' -border 1 "$WORK/16-record-pdf.raw.png"
    save 16-record-pdf
    cp "$pdf" "$SAM/Documents/record-from-email.pdf"
    python3 - "$SAM/Documents/record-from-email.pdf" <<'EOF'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[len(b) // 3] ^= 0x01          # one byte changed after signing
open(p, 'wb').write(b)
EOF
}

verify_records() {
    log "verify"
    click 43 170 2                           # Records
    double_click 600 237 2
    shoot_screen 17-verify-ok
    click 1263 101 2                         # Verify a PDF file…
    choose_file "Verify a signed PDF" "$SAM/Documents/record-from-email.pdf"
    shoot 18-verify-tampered
    save 18-verify-tampered 1266x300+94+466
}

export_outbox() {
    log "export"
    click 43 233 2                           # Outbox
    shoot_screen 19-outbox                   # the whole Outbox, "Delivered to the organisation" too
    click 1255 101 2                         # Export all pending…
    choose_folder "Export to which folder"
    dialog "Unlock your signing key"
    type_text "$PASSWORD"; key Return
    dialog "Exported"
    shoot_dialog 20-exported
    key Return
    shoot_screen 21-outbox-exported 2
}

apprentice_epa() {
    log "apprentice's EPA"
    stop_app
    java -jar "$JAR" --data-dir "$SAM/.local/share/epa-workbench" demo >/dev/null   # the sample apprentice
    start_app "$SAM"
    double_click 190 334 6                   # Priya Shah (under the sample apprentice)
    click 316 154 2                          # Schedule
    # the observation has its result, so the date boxes sit further left: reach them with Tab
    key Tab; type_text "$(day '+10 days')"   # the project interview
    key Tab; type_text "$(day '+17 days')"   # the professional discussion
    key Tab
    sleep 3
    shoot_screen 25-schedule
    click 152 102 3                          # back to Sessions
    double_click 190 295 6                   # the sample apprentice
    shoot 23-apprentice-overview
    save 23-apprentice-overview 1366x630+0+0
    click 225 154 2                          # Gateway
    shoot_screen 24-gateway
    click 406 154 2                          # Portfolio
    shoot_screen 26-portfolio
    click 152 102 4                          # back to Sessions
    shoot_screen 22-home
    stop_app
}

office_import() {
    log "office import"
    cp "$SAM/USB stick/"*.epapkg "$OFFICE/USB stick/"
    local pkg
    pkg=$(ls "$OFFICE/USB stick/"*.epapkg | head -1)
    cp "$pkg" "$OFFICE/Documents/damaged.epapkg"
    python3 - "$OFFICE/Documents/damaged.epapkg" <<'EOF'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[len(b) // 2] ^= 0x01          # one byte damaged on the way
open(p, 'wb').write(b)
EOF
    # the office trusts Sam's certificate, checked with Sam (docs/trust.md); an unknown signer is refused
    java -jar "$JAR" --data-dir "$OFFICE/.local/share/epa-workbench" signers add \
        "$SAM/.local/share/epa-workbench/keys/assessor.pem" >/dev/null
    start_app "$OFFICE"
    click 43 296 2                           # Import
    click 1255 101 2                         # Choose a package…
    choose_file "Import a package" "$pkg"
    sleep 8
    shoot 27-import-check
    save 27-import-check 1366x300+0+0
    click 153 250 10                         # Import (under the check's summary, on two lines)
    shoot 28-import-done
    save 28-import-done 1366x470+0+0
    click 1255 101 2
    choose_file "Import a package" "$OFFICE/Documents/damaged.epapkg"
    sleep 8
    shoot 29-import-refused
    save 29-import-refused 1262x164+94+84
    stop_app
}

# new_session_for_priya COMPONENT_KEYS LOCATION ID: from the home screen, a new session for Priya
new_session_for_priya() {
    click 190 334 1                          # Priya Shah
    click 1283 501 1.5                       # New session
    dialog "New session"
    in_dialog 220 119 1                      # Component
    key $1
    in_dialog 300 245                        # Location
    type_text "$2"
    in_dialog 200 287                        # ID check
    type_text "$3"
    key Return; sleep 3                      # Create session
}

# the session screen at 1280 x 720 for the two other components: the project interview with its
# Ask question dialog open, and the professional discussion
other_components() {
    log "interview and discussion at 1280x720"
    start_app "$SAM"
    new_session_for_priya "Home Return" "Meeting room 2, Harbour Foods, Leeds" "Driving licence"
    key ctrl+Return                          # start
    sleep 3
    at_size 1280 720
    local box
    box=$(window_box)
    key ctrl+k
    dialog "Ask question" "$box"
    type_text "mission"
    key Down
    shoot 33-interview-ask-1280x720
    save 33-interview-ask-1280x720 "$box"
    key Escape
    key ctrl+e
    dialog "End the session"
    type_text "Interview moved: the apprentice was called to the shop floor."
    from_corner 57 31 2                      # Record
    maximised
    click 152 128 3                          # back to Sessions
    new_session_for_priya "Home Down Return" "Training room, Harbour Foods, Leeds" "Passport"
    key ctrl+Return                          # start
    sleep 3
    at_size 1280 720
    shoot 35-discussion-1280x720 3
    save 35-discussion-1280x720 "$(window_box)"
    key ctrl+e                               # ended, so that the next start opens on Sessions, not on it
    dialog "End the session"
    type_text "Discussion moved: the apprentice's manager needed the room."
    from_corner 57 31 2                      # Record
    stop_app
}

# the paper record (section 6): the session Sam wrote on the paper form two days ago, entered in the app.
# First with the end as 10:10, under the observation's minimum, to show the rule's message beside it; then
# as the form has it, with a pause, questioning time, notes and four judgements; then entered
paper_record() {
    log "paper record"
    start_app "$SAM"
    maximised
    click 190 334 1                          # Priya Shah
    click 1104 501 3                         # Enter a paper record…
    click 404 254 1                          # Component
    click 373 364 1                          # Practical observation with Q&As (the plan's third)
    click 404 380; type_text "Customer service desk, Harbour Foods, Leeds"
    click 380 422; type_text "Passport"      # ID check
    click 315 464; key ctrl+a; type_text "$(day '-2 days')"
    click 404 525; type_text "The laptop's battery failed on arrival and the charger was at the office."
    click 289 647; type_text "09:30"         # Start
    click 289 689; type_text "10:10"         # End, 40 minutes in
    click 1278 740 2                         # Enter session: refused, the message beside End
    xdotool mousemove 330 400 click --repeat 3 --delay 80 5   # the times into view
    shoot 31-paper-rule
    save 31-paper-rule 490x215+96+455
    click 289 569; key ctrl+a; type_text "10:38"; key Tab     # End, as the form has it
    xdotool mousemove 330 400 click --repeat 4 --delay 80 5
    click 170 652 1                          # Add a pause
    type_text "10:05"; key Tab; type_text "10:12"; key Tab; type_text "Fire alarm test"
    xdotool mousemove 330 400 click --repeat 4 --delay 80 5
    click 202 549 1                          # Add questioning time
    type_text "10:20"; key Tab; type_text "10:28"
    xdotool mousemove 330 400 click --repeat 10 --delay 80 5
    click 334 612; type_text "Apprentice moved to the returns desk at 10:15 when the queue grew."
    xdotool mousemove 330 400 click 4        # Start back in view
    sleep 0.5
    # the judgements: K3.3 and K3.4 met, K3.5 did not arise, K4.2 not met
    click 625 337; click 905 337; type_text "09:50"
    click 1150 337; type_text "Pulled up the customer's order history and explained the options."
    click 625 429; click 905 429; type_text "09:58"
    click 779 521; click 905 521; type_text "10:30"
    click 1150 521; type_text "No customer from another culture came to the desk."
    click 691 645; click 905 645; type_text "10:22"
    click 1150 645; type_text "Could not name the consumer rights rule that applies to a faulty item."
    shoot 30-paper-record
    save 30-paper-record 1366x699+0+69
    click 1278 740 5                         # Enter session: stored, and open on its session screen
    shoot paper-entered                      # (kept in the work folder only, to check the run)
    stop_app
}

main() {
    [[ -f $JAR ]] || { log "build the app first: mvn -B package -DskipTests"; exit 2; }
    for tool in Xvfb openbox xdotool xprop xwininfo import convert pdftoppm python3 java; do
        command -v "$tool" >/dev/null || { log "missing $tool (see the packages at the top of this script)"; exit 2; }
    done
    mkdir -p "$OUT"
    fresh_home "$SAM"
    fresh_home "$OFFICE"
    trap 'stop_display; [[ -n ${SHOTS_WORK:-} ]] || rm -rf "$WORK"' EXIT
    start_display
    first_run
    add_apprentice
    new_session
    run_observation
    crash_and_recover
    finish_observation
    sign_record
    verify_records
    export_outbox
    apprentice_epa
    office_import
    other_components
    paper_record
    log "done: $(ls "$OUT"/*.png | wc -l) pictures in $OUT"
}

if [[ ${SHOTS_SOURCE_ONLY:-} != 1 ]]; then
    main "$@"
fi
