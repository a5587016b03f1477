#pragma once

// QCustomPlot's header spells Qt's `signals`/`slots` keywords, which carbonscope_ui turns off (QT_NO_KEYWORDS, as
// STYLE.md suggests); include it only through this file.
#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach
#else
#include <qcustomplot.h>
#endif
