#pragma once

#include "qcp.h"

#include <QWidget>

namespace cs {

class ScenarioDocument;

// A plot that redraws from the document's totals, but only while it can be seen: an edit made while it is hidden
// marks it dirty and it rebuilds when next shown (or when an export asks with ensureCurrent()). It has a title row
// and follows the system palette (plottheme.h). The daily CO2 bars and the Pareto plot are two of these.
class LazyPlot : public QWidget
{
    Q_OBJECT

public:
    LazyPlot(ScenarioDocument *document, const QString &title, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return mPlot; }
    // Brings a plot that was hidden during edits up to date (before it is exported).
    void ensureCurrent()
    {
        if (mDirty)
            rebuild();
    }

protected:
    // Draws everything from the document; subclasses call finishRebuild() at the end.
    virtual void rebuild() = 0;
    void finishRebuild();
    void setTitle(const QString &text);
    void rebuildWhenVisible();
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool darkTheme() const;

    ScenarioDocument *mDocument;
    QCustomPlot *mPlot;

private:
    QCPTextElement *mTitle;
    bool mDirty = false;
};

} // namespace cs
