#!/usr/bin/env bash
# Smoke test of the Linux packages that `mvn -B -Ppackage package` built. Maven runs it after jpackage;
# by hand:   bash packaging/smoke-test.sh target/jpackage 0.1.0-SNAPSHOT 0.1.0
#
# 1. the app-image: its launcher runs the command line (--version, plans list, demo, a signed record
#    and its verification) with a temporary HOME, and uses the per-user data folder that HOME and
#    XDG_DATA_HOME give; the desktop app starts under Xvfb, opens its data folder and shows its window
#    (screenshots in target/jpackage/smoke/);
# 2. the .deb: its control fields and contents (dpkg-deb -I / -c) and its .desktop entry;
# 3. as root only: the .deb installed into the system with dpkg -i, the same checks on the installed
#    launcher, then removed again (nothing is installed when the package is already there).
# Exit code 0 when every check passed (skipped checks say why), 1 otherwise.
set -uo pipefail

if [ "${1:-}" = "--gui-inside" ]; then
  # runs inside xvfb-run: start the app, wait for its data folder and window, take screenshots, stop it
  launcher=$2 home=$3 shot=$4 log=$5
  db="$home/.local/share/epa-workbench/workbench.db"
  env -u XDG_DATA_HOME -u EPA_WORKBENCH_DATA_DIR HOME="$home" "$launcher" >"$log" 2>&1 &
  pid=$!
  # shown: the data folder is open and the main window's top bar is drawn (the "Opening …" screen before
  # it is all white; the top bar's background is not)
  state="timeout"
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then state="exited"; break; fi
    if [ -f "$db" ] && import -window "EPA Workbench" "${shot%.png}-only.png" 2>/dev/null \
        && [ "$(convert "${shot%.png}-only.png" -format '%[fx:int(255*p{4,4}.r)],%[fx:int(255*p{4,4}.g)],%[fx:int(255*p{4,4}.b)]' info: 2>/dev/null)" != "255,255,255" ]; then
      state="shown"; break
    fi
    sleep 0.5
  done
  if [ "$state" = "shown" ]; then
    sleep 3 # and it is still running a moment later
    if kill -0 "$pid" 2>/dev/null; then
      import -window root "$shot" && import -window "EPA Workbench" "${shot%.png}-only.png" || state="no-screenshot"
      kill -0 "$pid" 2>/dev/null || state="exited"
    else
      state="exited"
    fi
  fi
  cp "$log" "${log%.log}-until-stopped.log" # what it printed while running (a stop by signal may add noise)
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "$state"
  exit 0
fi

jp=${1:?usage: smoke-test.sh TARGET/jpackage VERSION NUMERIC_VERSION}
version=${2:?version}
numeric=${3:?numeric version}
if [ "${SMOKE_SKIP:-false}" = "true" ]; then
  echo "Smoke test skipped (-Dsmoke.skip=true)."
  exit 0
fi

jp=$(cd "$jp" && pwd)
out="$jp/smoke"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
passed=0 failed=0 skipped=0
installed_by_us=""

cleanup() {
  if [ -n "$installed_by_us" ]; then
    echo "removing the test installation of epa-workbench"
    dpkg --purge epa-workbench >>"$out/dpkg.log" 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }
skip() { skipped=$((skipped + 1)); echo "  skip  $*"; }
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
  local what=$1; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
contains() { grep -qF -- "$2" "$1"; }
run_cli() { # run_cli NAME HOME_DIR [XDG_DATA_HOME] -- ARGS...: output in $work/NAME.out, exit code in $work/NAME.rc
  local name=$1 home=$2 xdg=$3; shift 4
  if [ -n "$xdg" ]; then
    env -u EPA_WORKBENCH_DATA_DIR HOME="$home" XDG_DATA_HOME="$xdg" EPA_KEYSTORE_PASSWORD=smoke-test-only "$launcher" "$@" \
      >"$work/$name.out" 2>"$work/$name.err"
  else
    env -u EPA_WORKBENCH_DATA_DIR -u XDG_DATA_HOME HOME="$home" EPA_KEYSTORE_PASSWORD=smoke-test-only "$launcher" "$@" \
      >"$work/$name.out" 2>"$work/$name.err"
  fi
  echo $? >"$work/$name.rc"
  cat "$work/$name.out" "$work/$name.err" >>"$out/cli-$label.log"
}
rc_is() { [ "$(cat "$work/$1.rc")" = "$2" ]; }

# the real per-user data folder must not be touched by a run with a temporary HOME
real_home=$(getent passwd "$(id -u)" | cut -d: -f6)
real_data="$real_home/.local/share/epa-workbench"
real_data_existed=no
[ -e "$real_data" ] && real_data_existed=yes

out_is() { [ "$(cat "$work/$1.out")" = "$2" ]; }
lists_plans() { for p in highfield-css-l3 pal-css-l3 vtct-css-l3 highfield-csp-l2; do grep -q "^$p " "$work/plans.out" || return 1; done; }

cli_checks() { # cli_checks LAUNCHER LABEL
  launcher=$1 label=$2
  local home="$work/$label-home" xdg="$work/$label-xdg" record="$work/$label-record.pdf" session
  mkdir -p "$home"
  run_cli version "$home" "" -- --version
  check "$label: --version prints \"EPA Workbench $version\"" eval 'rc_is version 0 && out_is version "EPA Workbench $version"'
  run_cli plans "$home" "" -- plans list
  check "$label: plans list exits 0 and lists the four built-in plans" eval 'rc_is plans 0 && lists_plans'
  check "$label: with a temporary HOME the database is in \$HOME/.local/share/epa-workbench" \
    test -f "$home/.local/share/epa-workbench/workbench.db"
  run_cli xdg "$home" "$xdg" -- plans list
  check "$label: with XDG_DATA_HOME set the database is in \$XDG_DATA_HOME/epa-workbench" \
    eval 'rc_is xdg 0 && test -f "$xdg/epa-workbench/workbench.db"'
  run_cli demo "$home" "" -- demo --json
  session=$(sed -n 's/.*"sessionIds" : \[ "\([^"]*\)".*/\1/p' "$work/demo.out")
  check "$label: demo adds the sample apprentice with its sessions" eval 'rc_is demo 0 && [ -n "$session" ]'
  run_cli report "$home" "" -- report --session "${session:-none}" --out "$record"
  check "$label: report makes a signed PDF record (layout, fonts and PAdES signing on the bundled runtime)" \
    eval 'rc_is report 0 && test -s "$record"'
  run_cli verify "$home" "" -- verify "$record"
  check "$label: verify says the record is VERIFIED" eval 'rc_is verify 0 && grep -q ": VERIFIED" "$work/verify.out"'
  if [ "$real_data_existed" = no ]; then
    check "$label: nothing was written to the real data folder $real_data" test ! -e "$real_data"
  fi
}

have_gui_tools() { command -v xvfb-run >/dev/null && command -v Xvfb >/dev/null && command -v import >/dev/null; }
ensure_gui_tools() {
  have_gui_tools && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing xvfb and imagemagick for the GUI check"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth imagemagick >>"$out/apt.log" 2>&1 \
      || { apt-get update -qq >>"$out/apt.log" 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth imagemagick >>"$out/apt.log" 2>&1; }
  fi
  have_gui_tools
}

gui_check() { # gui_check LAUNCHER LABEL
  local launcher=$1 label=$2
  if [ "$gui_tools" != yes ]; then
    skip "$label: desktop app under Xvfb (xvfb-run and ImageMagick's import are missing and could not be installed: apt-get install xvfb imagemagick)"
    return
  fi
  local home="$work/$label-gui-home" shot="$out/$label-window.png"
  mkdir -p "$home"
  local state
  state=$(xvfb-run -a -s "-screen 0 1440x900x24" bash "$0" --gui-inside "$launcher" "$home" "$shot" "$out/gui-$label.log" 2>>"$out/gui-$label.log" | tail -1)
  check "$label: the desktop app opens its data folder, shows its main window titled \"EPA Workbench\" and keeps running (it said: $state)" [ "$state" = shown ]
  if [ "$state" = shown ]; then
    local colours
    colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
    check "$label: the screenshot shows a drawn window ($colours colours; $shot)" [ "${colours:-0}" -gt 50 ]
  fi
  check "$label: the desktop app printed no exception while running" eval '! grep -q "Exception" "$out/gui-$label-until-stopped.log"'
}

echo "Smoke test of EPA Workbench $version (package version $numeric) in $jp"
gui_tools=no
ensure_gui_tools && gui_tools=yes

# --- 1. the app-image -------------------------------------------------------------------------------
image="$jp/image/epa-workbench"
echo "app-image: $image"
check "app-image: bin/epa-workbench is executable" test -x "$image/bin/epa-workbench"
check "app-image: the app jar and its libraries are in lib/app" eval 'test -f "$image/lib/app/epa-workbench.jar" && ls "$image/lib/app/lib/"*.jar >/dev/null 2>&1'
check "app-image: it has its own Java runtime" test -f "$image/lib/runtime/release"
check "app-image: the icon is lib/epa-workbench.png" test -f "$image/lib/epa-workbench.png"
if [ -x "$image/bin/epa-workbench" ]; then
  cli_checks "$image/bin/epa-workbench" app-image
  gui_check "$image/bin/epa-workbench" app-image
fi

# --- 2. the .deb --------------------------------------------------------------------------------------
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
deb="$jp/installer/epa-workbench_${numeric}-1_${arch}.deb"
echo "deb: $deb"
if [ ! -f "$deb" ]; then
  fail "deb: $deb was built"
else
  dpkg-deb -I "$deb" >"$out/deb-info.txt"
  dpkg-deb -c "$deb" >"$out/deb-contents.txt"
  field() { dpkg-deb -f "$deb" "$1"; }
  check "deb: Package is epa-workbench" [ "$(field Package)" = epa-workbench ]
  check "deb: Version is $numeric-1" [ "$(field Version)" = "$numeric-1" ]
  depends_on() { local p; for p in "$@"; do field Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$p" || return 1; done; }
  check "deb: Depends names GTK 3 and OpenGL for JavaFX, and xdg-utils for the menu entry" depends_on libgtk-3-0 libgl1 xdg-utils
  for f in bin/epa-workbench lib/app/epa-workbench.jar lib/app/epa-workbench.cfg lib/epa-workbench.png \
           lib/epa-workbench-epa-workbench.desktop lib/runtime/release; do
    check "deb: contains /opt/epa-workbench/$f" grep -qE " \./opt/epa-workbench/$f\$" "$out/deb-contents.txt"
  done
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/epa-workbench/lib/epa-workbench-epa-workbench.desktop >"$out/epa-workbench.desktop" 2>/dev/null
  desktop="$out/epa-workbench.desktop"
  check "deb: .desktop entry is named \"EPA Workbench\"" contains "$desktop" "Name=EPA Workbench"
  check "deb: .desktop entry starts /opt/epa-workbench/bin/epa-workbench" contains "$desktop" "Exec=/opt/epa-workbench/bin/epa-workbench"
  check "deb: .desktop entry uses the app icon" contains "$desktop" "Icon=/opt/epa-workbench/lib/epa-workbench.png"
  check "deb: .desktop entry is in the Office and Education menus" contains "$desktop" "Categories=Office;Education;"
  if command -v desktop-file-validate >/dev/null; then
    check "deb: desktop-file-validate accepts the .desktop entry" desktop-file-validate "$desktop"
  fi

  # --- 3. installed into the system (root only) --------------------------------------------------------
  if [ "$(id -u)" != 0 ]; then
    skip "deb install: not root, so the package is not installed (run as root, or: sudo apt install $deb)"
  elif dpkg-query -W -f='${Status}' epa-workbench 2>/dev/null | grep -q "install ok"; then
    skip "deb install: epa-workbench is already installed on this system, and is left as it is"
  else
    missing=""
    for dep in $(field Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
      dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok" || missing="$missing $dep"
    done
    if [ -n "$missing" ] && command -v apt-get >/dev/null; then
      echo "installing the package's dependencies first:$missing"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >>"$out/apt.log" 2>&1 \
        || { apt-get update -qq >>"$out/apt.log" 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >>"$out/apt.log" 2>&1; }
    fi
    if dpkg -i "$deb" >"$out/dpkg.log" 2>&1; then
      installed_by_us=yes
      ok "deb install: dpkg -i installed the package"
      check "deb install: dpkg lists epa-workbench $numeric-1" eval '[ "$(dpkg-query -W -f="\${Version}" epa-workbench)" = "$numeric-1" ]'
      check "deb install: the menu entry is installed in /usr/share/applications" \
        test -f /usr/share/applications/epa-workbench-epa-workbench.desktop
      cli_checks /opt/epa-workbench/bin/epa-workbench installed
      gui_check /opt/epa-workbench/bin/epa-workbench installed
      if dpkg --purge epa-workbench >>"$out/dpkg.log" 2>&1; then
        installed_by_us=""
        ok "deb install: dpkg --purge removed the package"
        check "deb install: /opt/epa-workbench is gone" test ! -e /opt/epa-workbench
        check "deb install: the menu entry is gone" test ! -e /usr/share/applications/epa-workbench-epa-workbench.desktop
      else
        fail "deb install: dpkg --purge removed the package (see $out/dpkg.log)"
      fi
    else
      fail "deb install: dpkg -i installed the package (see $out/dpkg.log)"
      dpkg --purge epa-workbench >>"$out/dpkg.log" 2>&1 || true
    fi
  fi
fi

echo "Installer sizes:"
du -h "$jp/installer/"* 2>/dev/null | sed 's/^/  /'
du -sh "$image" 2>/dev/null | sed 's/^/  app-image /'
total=$((passed + failed))
if [ "$failed" = 0 ]; then
  note=""
  [ "$skipped" -gt 0 ] && note=" ($skipped skipped, see above)"
  echo "Smoke test: all $total checks passed$note. Logs and screenshots: $out"
  exit 0
fi
echo "Smoke test: $failed of $total checks FAILED ($skipped skipped). Logs and screenshots: $out"
exit 1
