#include "projectsession.h"

#include "parse_error.h"
#include "poolmodel.h"
#include "preference.h"
#include "scenariodocument.h"
#include "scenarioloader.h"

#ifdef CARBONSCOPE_HAVE_STORE
#include "project_store.h"
#include "statement.h"
#include "transaction.h"
#endif

#include <QFileDialog>
#include <QFileInfo>
#include <QUndoStack>

namespace cs {

static Preference<QString> lastProject{QStringLiteral("project/last")};
static Preference<QStringList> recentList{QStringLiteral("project/recent")};

namespace {
const char *const ScenarioName = "current";
const QString Filter = QObject::tr("CarbonScope projects (*.csdb)");

#ifdef CARBONSCOPE_HAVE_STORE
// The store's schema has no place for the compared policies, so the GUI keeps them in a table of its own in the
// same file (core/store ignores tables it does not know). Allowed models are joined by newlines: a model name
// is one line of the pool editor.
const char *const PoliciesTable = "ui_policies";

std::string joinModels(const std::vector<std::string> &models)
{
    std::string out;
    for (const std::string &m : models)
        out += (out.empty() ? "" : "\n") + m;
    return out;
}

std::vector<std::string> splitModels(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void writePolicies(Database &db, const PolicySet &set)
{
    Transaction tx(db);
    db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + PoliciesTable
            + " (position INTEGER PRIMARY KEY, spec TEXT NOT NULL UNIQUE, allowed_models TEXT NOT NULL DEFAULT '',"
              " baseline INTEGER NOT NULL DEFAULT 0);"
            + "DELETE FROM " + PoliciesTable + ";");
    Statement insert = db.prepare(std::string("INSERT INTO ") + PoliciesTable
                                  + " (position, spec, allowed_models, baseline) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < set.entries.size(); ++i) {
        const PolicyEntry &e = set.entries[i];
        insert.bind(1, static_cast<std::int64_t>(i)).bind(2, e.spec).bind(3, joinModels(e.allowedModels));
        insert.bind(4, e.spec == set.baseline ? 1 : 0).run();
    }
    tx.commit();
}

// Empty where the project predates the table (or was written by the CLI): the document keeps its own set.
std::optional<PolicySet> readPolicies(Database &db)
{
    Statement exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    exists.bind(1, PoliciesTable);
    if (!exists.step())
        return std::nullopt;
    PolicySet set;
    Statement rows = db.prepare(std::string("SELECT spec, allowed_models, baseline FROM ") + PoliciesTable
                                + " ORDER BY position");
    while (rows.step()) {
        set.entries.push_back({rows.columnText(0), splitModels(rows.columnText(1))});
        if (rows.columnInt64(2) != 0)
            set.baseline = set.entries.back().spec;
    }
    if (set.entries.empty())
        return std::nullopt;
    if (set.baseline.empty())
        set.baseline = set.entries.front().spec;
    return set;
}
#endif
} // namespace

ProjectSession::ProjectSession(ScenarioDocument *document, QObject *parent) : QObject(parent), mDocument(document) {}

ProjectSession::~ProjectSession() = default;

bool ProjectSession::available()
{
#ifdef CARBONSCOPE_HAVE_STORE
    return true;
#else
    return false;
#endif
}

QStringList ProjectSession::recentProjects()
{
    QStringList out;
    for (const QString &p : recentList.get())
        if (QFileInfo::exists(p))
            out << p;
    return out;
}

void ProjectSession::addRecent(const QString &path)
{
    QStringList list = recentList.get();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 8)
        list.removeLast();
    recentList.set(list);
}

void ProjectSession::remember()
{
    lastProject.set(mPath);
}

bool ProjectSession::openLast(QWidget *parent)
{
    const QString path = lastProject.get();
    return available() && !path.isEmpty() && QFileInfo::exists(path) && openProject(path, parent);
}

void ProjectSession::newProject(QWidget *parent)
{
    const QString path = QFileDialog::getSaveFileName(parent, tr("New project"), QStringLiteral("carbonscope.csdb"), Filter);
    if (path.isEmpty())
        return;
    QFile::remove(path); // the dialog asked before overwriting
    try {
        mDocument->poolModel()->replacePool(paperPool());
        mDocument->setTraces(defaultCarbonTrace(), defaultRequestTrace(),
                             tr("South West England + Wikipedia (en), June 2023"));
        mDocument->undoStack()->clear();
    } catch (const std::exception &e) {
        Q_EMIT message(QString::fromUtf8(e.what()));
        return;
    }
    saveAs(path);
}

void ProjectSession::openProjectDialog(QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open project"), QFileInfo(mPath).path(), Filter);
    if (!path.isEmpty())
        openProject(path, parent);
}

void ProjectSession::saveAsDialog(QWidget *parent)
{
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save project as"),
                                                      mPath.isEmpty() ? QStringLiteral("carbonscope.csdb") : mPath, Filter);
    if (path.isEmpty())
        return;
    if (path != mPath)
        QFile::remove(path); // the dialog asked before overwriting
    saveAs(path);
}

void ProjectSession::save(QWidget *parent)
{
    if (mPath.isEmpty())
        saveAsDialog(parent);
    else if (write(mPath))
        mDocument->undoStack()->setClean();
}

bool ProjectSession::saveAs(const QString &path)
{
    if (!write(path))
        return false;
    mPath = path;
    addRecent(path);
    remember();
    mDocument->undoStack()->setClean();
    Q_EMIT changed();
    Q_EMIT message(tr("Saved %1").arg(path));
    return true;
}

bool ProjectSession::write(const QString &path)
{
#ifdef CARBONSCOPE_HAVE_STORE
    try {
        ProjectStore store = ProjectStore::open(path.toStdString());
        TimeSeries carbon = mDocument->carbonTrace();
        if (carbon.name.empty())
            carbon.name = "carbon";
        store.saveCarbonSeries(carbon, {}, true);
        ScenarioSpec spec;
        spec.name = ScenarioName;
        spec.carbonSeries = carbon.name;
        if (mDocument->requestTrace()) {
            TimeSeries requests = *mDocument->requestTrace();
            if (requests.name.empty())
                requests.name = "requests";
            store.saveRequestSeries(requests, true);
            spec.requestSeries = requests.name;
        }
        ModelPool pool = mDocument->pool();
        if (pool.name.empty())
            pool.name = "pool";
        store.savePool(pool, true);
        spec.pool = pool.name;
        store.saveScenario(spec, true);
        writePolicies(store.database(), mDocument->policies());
        return true;
    } catch (const std::exception &e) {
        Q_EMIT message(tr("Cannot save %1: %2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
#else
    Q_EMIT message(tr("Projects need the store library, which this build does not have (%1).").arg(path));
    return false;
#endif
}

bool ProjectSession::openProject(const QString &path, QWidget *)
{
#ifdef CARBONSCOPE_HAVE_STORE
    try {
        ProjectStore store = ProjectStore::open(path.toStdString(), ProjectStore::OpenMode::MustExist);
        std::vector<ScenarioSpec> scenarios = store.listScenarios();
        if (scenarios.empty())
            throw InputError(path.toStdString() + ": the project has no scenario");
        ScenarioSpec spec = scenarios.back();
        for (const ScenarioSpec &s : scenarios)
            if (s.name == ScenarioName)
                spec = s;
        TimeSeries carbon = store.loadCarbonSeries(spec.carbonSeries);
        std::optional<TimeSeries> requests;
        if (!spec.requestSeries.empty())
            requests = store.loadRequestSeries(spec.requestSeries);
        ModelPool pool = store.loadPool(spec.pool);
        std::optional<PolicySet> policies = readPolicies(store.database());
        // Opening starts a new history: the undo stack belongs to the project that was open.
        mDocument->undoStack()->clear();
        mDocument->poolModel()->replacePool(std::move(pool));
        mDocument->setTraces(std::move(carbon), std::move(requests), QFileInfo(path).completeBaseName());
        if (policies)
            mDocument->replacePolicies(std::move(*policies));
        mDocument->undoStack()->setClean();
        mPath = path;
        addRecent(path);
        remember();
        Q_EMIT changed();
        Q_EMIT message(tr("Opened %1").arg(path));
        return true;
    } catch (const std::exception &e) {
        Q_EMIT message(tr("Cannot open %1: %2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
#else
    Q_EMIT message(tr("Projects need the store library, which this build does not have (%1).").arg(path));
    return false;
#endif
}

void ProjectSession::traceImported(const TimeSeries &, bool, const QString &file)
{
    if (!mPath.isEmpty() && write(mPath))
        Q_EMIT message(tr("Imported %1 into %2").arg(QFileInfo(file).fileName(), QFileInfo(mPath).fileName()));
}

} // namespace cs
