#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package test (issue 20): builds comb_*.deb from the existing build tree with CPack,
# checks with dpkg-deb that it holds the binaries, desktop file, icons, MIME types, metainfo,
# manual pages, codebooks and the example; runs desktop-file-validate, appstreamcli validate,
# update-mime-database, man's warnings and lintian (errors fail; overrides, if ever needed, go
# in packaging/linux/lintian-overrides with a reason each); then extracts the package into a
# temporary root and runs the extracted comb: --version, codebook lookup in the extracted
# share/comb, and a small new / import / code / tag / export, and opens the shipped example.
#
#   tests/package/check_package.sh BUILD_DIR [CPACK]
set -euo pipefail
build=$(cd "$1" && pwd)
cpack=${2:-cpack}

missing=()
for tool in dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli update-mime-database xmllint man; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "check_package: missing ${missing[*]}: run scripts/install-deps.sh" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: FAIL: $*" >&2; exit 1; }

echo "== cpack -G DEB (the existing build tree, into a temporary folder)"
(cd "$build" && "$cpack" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
debs=("$work"/out/comb_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one comb_*.deb in $work/out"
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

echo "== dpkg-deb -c: what the package holds"
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
app=io.github.comb_qda.Comb
for path in ./usr/bin/comb ./usr/bin/comb-gui \
    ./usr/share/applications/$app.desktop ./usr/share/metainfo/$app.metainfo.xml \
    ./usr/share/mime/packages/comb.xml \
    ./usr/share/icons/hicolor/scalable/apps/$app.svg ./usr/share/icons/hicolor/16x16/apps/$app.png \
    ./usr/share/icons/hicolor/48x48/apps/$app.png ./usr/share/icons/hicolor/256x256/apps/$app.png \
    ./usr/share/man/man1/comb.1.gz ./usr/share/man/man1/comb-gui.1.gz \
    ./usr/share/comb/codebooks/comb.qdc ./usr/share/comb/codebooks/cfir.qdc \
    ./usr/share/comb/examples/mecc/mecc.comb ./usr/share/comb/examples/mecc/P04-trainer.txt \
    ./usr/share/comb/examples/mecc/analyse.sh \
    ./usr/share/doc/comb/copyright ./usr/share/doc/comb/changelog.gz ./usr/share/doc/comb/THIRD-PARTY.md \
    ./usr/share/doc/comb/help/tags.md; do
  grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
echo "all 20 expected files present ($(wc -l <"$work/contents") entries)"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian30 libsqlite3-0 libwxgtk3.2-1 libpoppler-cpp0v5; do
  case $depends in *"$lib"*) ;; *) fail "Depends (from dpkg-shlibdeps) lacks $lib: $depends" ;; esac
done
[ "$(dpkg-deb -f "$deb" Version)" = "$("$build/src/cli/comb" --version | head -n 1 | cut -d' ' -f2)" ] ||
  fail "package version differs from comb --version"

echo "== extract into a temporary root"
root=$work/root
dpkg-deb -x "$deb" "$root"

echo "== desktop-file-validate, appstreamcli validate, update-mime-database, man --warnings"
desktop-file-validate "$root/usr/share/applications/$app.desktop"
# A double-click hands the file to comb-gui: both types, and the file as its argument.
grep -qx 'Exec=comb-gui %f' "$root/usr/share/applications/$app.desktop" || fail "desktop Exec"
grep -qx 'MimeType=application/x-comb-project;application/x-refi-qda-project;' "$root/usr/share/applications/$app.desktop" ||
  fail "desktop MimeType"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app.metainfo.xml"
xmllint --noout "$root/usr/share/mime/packages/comb.xml"
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/comb.xml" "$work/mime/packages/"
update-mime-database "$work/mime" 2>/dev/null
grep -q 'pattern="\*.comb"' "$work/mime/application/x-comb-project.xml" || fail "no x-comb-project type"
grep -q 'pattern="\*.qdpx"' "$work/mime/application/x-refi-qda-project.xml" || fail "no x-refi-qda-project type"
for page in comb comb-gui; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man warnings in $page.1: $warnings"
done

echo "== lintian"
lintian_args=(--no-cfg --fail-on error --display-level ">=warning")
[ "$(id -u)" -eq 0 ] && lintian_args+=(--allow-root)
lintian "${lintian_args[@]}" "$deb" | tee "$work/lintian.log" || fail "lintian reports errors"
echo "lintian: $(grep -c '^E:' "$work/lintian.log" || true) errors, $(grep -c '^W:' "$work/lintian.log" || true) warnings"

echo "== the extracted comb"
comb=$root/usr/bin/comb
"$comb" --version | head -n 1 | grep -qx "comb $(dpkg-deb -f "$deb" Version)\( (git .*)\)\?" || fail "comb --version: $("$comb" --version)"
"$root/usr/bin/comb-gui" --version | grep -q "^comb-gui " || fail "comb-gui --version"
env -u COMB_CODEBOOKS "$comb" codebook list | grep -qxF "tdf	$(cd "$root/usr/share/comb/codebooks" && pwd -P)/tdf.qdc" ||
  fail "the extracted comb does not read its own codebooks: $("$comb" codebook list)"
cd "$work"
export COMB_CODER=package-test
p=$work/p.comb
"$comb" new "$p" >/dev/null
"$comb" import "$p" "$root/usr/share/comb/examples/mecc/P04-trainer.txt" >/dev/null
"$comb" code "$p" P04-trainer --text "People are terrified of offending someone." "Confidence/Fear of offending" >/dev/null
env -u COMB_CODEBOOKS "$comb" codebook add "$p" valence >/dev/null
"$comb" tag "$p" "Confidence/Fear of offending" --comb C.Ps --valence barrier --level individual:agent >/dev/null
"$comb" codings "$p" --json >"$work/codings.json"
grep -q '"text": *"People are terrified of offending someone\."' "$work/codings.json" || fail "codings: $(cat "$work/codings.json")"
"$comb" export "$p" codebook -o "$work/codebook.csv" >/dev/null
grep -q "Fear of offending" "$work/codebook.csv" || fail "codebook export lacks the code"
"$comb" export "$p" qdpx -o "$work/p.qdpx" >/dev/null
[ -s "$work/p.qdpx" ] || fail "no qdpx written"
cp "$root/usr/share/comb/examples/mecc/mecc.comb" "$work/mecc.comb"
[ "$("$comb" docs "$work/mecc.comb" --json | grep -o '"id":' | wc -l)" -eq 9 ] || fail "the shipped example has not 9 documents"
echo "check_package: OK"
