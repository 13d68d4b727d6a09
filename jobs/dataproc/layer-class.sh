# Sourced by the submit scripts: the main class of a layer, or exit 2 naming the valid layers.
main_class() {
  case "$1" in
    raw) echo io.prodi.layers.RawLayer ;;
    bronze) echo io.prodi.layers.BronzeLayer ;;
    silver) echo io.prodi.layers.SilverLayer ;;
    gold) echo io.prodi.layers.GoldLayer ;;
    *) echo "prodi: error: Cannot submit layer '$1': unknown layer (valid: raw, bronze, silver, gold)" >&2; exit 2 ;;
  esac
}
