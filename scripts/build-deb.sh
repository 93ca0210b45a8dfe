#!/usr/bin/env bash
# Builds artifacts/deb/sip-isup-gateway_<version>_amd64.deb with plain dpkg-deb (no debhelper), from a
# self-contained ReadyToRun linux-x64 folder publish: the target needs no .NET runtime. packaging/deb/README.md
# explains the layout and every choice; this script only assembles it.
set -euo pipefail

cd "$(dirname "$0")/.."
pkg=sip-isup-gateway
src=packaging/deb
out=artifacts/deb
root=$out/root
app=$root/usr/lib/$pkg
# ReadyToRun needs the crossgen2 pack from the NuGet mirror; R2R=false builds without it (slower start, same files).
r2r=${R2R:-true}

rm -rf "$root" "$out"/*.deb
mkdir -p "$app"

# 1. The program: a folder, not single-file, so nothing is extracted at run time (ProtectSystem=strict-friendly).
dotnet publish src/Gateway -c Release -r linux-x64 --self-contained -p:PublishReadyToRun="$r2r" -o "$app" -nologo
# Debug symbols are not shipped (a -dbg package would be the place).
rm -f "$app"/*.pdb
# LTTng tracing provider: links liblttng-ust.so.0, which Debian 12 does not ship (it has .so.1); the runtime only
# loads it when present, so dropping it removes a dependency that could never be satisfied.
rm -f "$app"/libcoreclrtraceptprovider.so

# 2. The version: what the built program says (Directory.Build.props <Version>), plus the Debian revision from the
# top of packaging/deb/changelog, which must name the same upstream version.
upstream=$("$app/$pkg" --version | awk '{print $2}')
version=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$src/changelog")
if [ "${version%-*}" != "$upstream" ]; then
    echo "build-deb: packaging/deb/changelog is at $version but the program is $upstream: add a changelog entry" >&2
    exit 1
fi

# 3. Everything else, with the modes Debian expects: files 0644, the two ELF executables 0755, directories 0755.
install -D -m 0644 "$src/gateway.json" "$root/etc/$pkg/gateway.json"
install -D -m 0644 "$src/$pkg.service" "$root/lib/systemd/system/$pkg.service"
install -D -m 0644 "$src/$pkg.modules-load.conf" "$root/usr/lib/modules-load.d/$pkg.conf"
install -D -m 0644 "$src/copyright" "$root/usr/share/doc/$pkg/copyright"
gzip -9n < "$src/changelog" > "$root/usr/share/doc/$pkg/changelog.Debian.gz"
mkdir -p "$root/usr/share/man/man8"
sed "s/@VERSION@/$upstream/" "$src/$pkg.8" | gzip -9n > "$root/usr/share/man/man8/$pkg.8.gz"
install -D -m 0644 "$src/lintian/$pkg" "$root/usr/share/lintian/overrides/$pkg"
mkdir -p "$root/usr/bin"
ln -s "../lib/$pkg/$pkg" "$root/usr/bin/$pkg"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$app/$pkg" "$app/createdump"

# 4. DEBIAN/: control with the computed size, conffiles, maintainer scripts, md5sums.
mkdir -p "$root/DEBIAN"
installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" "$src/control.in" > "$root/DEBIAN/control"
install -m 0644 "$src/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$src/postinst" "$src/prerm" "$src/postrm" "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# 5. The archive: root-owned files without fakeroot; mtimes clamped to the changelog date for reproducible builds.
SOURCE_DATE_EPOCH=$(date -d "$(sed -n 's/^ -- .*>  //p' "$src/changelog" | head -1)" +%s)
export SOURCE_DATE_EPOCH
deb="$out/${pkg}_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb"
echo "build-deb: $deb ($(du -h "$deb" | cut -f1), Installed-Size $installed_size KiB, ReadyToRun=$r2r)"
