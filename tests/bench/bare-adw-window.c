/* bare-adw-window.c — a second yardstick for tests/bench/startup: the same
 * bare window as bare-window.c, but with libadwaita, to tell its own
 * start-up cost apart from the program's. */
#define SK_BARE_ADWAITA 1
#include "bare-window.c"
