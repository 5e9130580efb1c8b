/* status.c - status descriptions. */
#include "unecho/unecho.h"

const char *ue_strerror(ue_status status)
{
	switch (status) {
	case UE_OK: return "success";
	case UE_ENOMEM: return "out of memory";
	case UE_EIO: return "input/output error";
	case UE_EINVAL: return "invalid argument";
	case UE_EFORMAT: return "malformed input";
	case UE_ELIMIT: return "size limit exceeded";
	case UE_EDB: return "database error";
	case UE_ENOTFOUND: return "not found";
	case UE_EEXIST: return "already exists";
	case UE_ESCHEMA: return "database written by a newer unecho";
	case UE_ECANCELLED: return "cancelled";
	}
	return "unknown status";
}
