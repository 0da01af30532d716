#ifndef WENPING_CYAML_SHIM_H
#define WENPING_CYAML_SHIM_H

#include <yaml.h>

#endif
