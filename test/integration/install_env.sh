# Sourced by integration tests: installs the build into a scratch prefix
# and sets PC (a pkg-config command line pointing at it), PC_PATH,
# COMPAT_PC_PATH (with the libdpdk.pc stand-in) and LIBDIR.
# Needs $BUILD (the meson build dir) and $TMP (a scratch dir).
meson install -C "$BUILD" --destdir "$TMP/root" --no-rebuild --quiet >/dev/null
pc_file=$(find "$TMP/root" -name libpollux.pc | head -n 1)
if [ -z "$pc_file" ]; then
    echo "FAIL: meson install produced no libpollux.pc" >&2
    exit 1
fi
PC_PATH=$(dirname "$pc_file")
COMPAT_PC_PATH=$(dirname "$(find "$TMP/root" -name libdpdk.pc | head -n 1)")
install_prefix=$(sed -n 's/^prefix=//p' "$pc_file")
PC="pkg-config --define-variable=prefix=$TMP/root$install_prefix"
export PKG_CONFIG_PATH="$PC_PATH"
LIBDIR=$($PC --variable=libdir libpollux)
