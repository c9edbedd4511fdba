/**
 * The SCORM 1.2 bridge: the thin shell between the game and an LMS. It runs only in a package
 * built with `npm run build:scorm`; in normal web play `startScormBridge` returns at once.
 *
 * In a package it finds the LMS's API (see `findScormApi`), calls `LMSInitialize`, reads the
 * learner's name and `cmi.suspend_data`, and brings earlier progress back into this browser's
 * results (so the scenario list shows best scores and "Passed"). It opens straight on the
 * scenario list, which also says how far the course has got. After each finished conversation it
 * sets status, score, session time and suspend data and calls `LMSCommit`; when the page goes
 * away it does the same and calls `LMSFinish`. No LMS call ever stops the game: problems are
 * logged, and the learner is told once if a result did not reach the platform.
 *
 * Loaded only in a package build, by `start.ts`, so web play never downloads it.
 */
import * as Phaser from 'phaser';
import type { ScormPackageInfo } from '../../build/scormPackage.ts';
import type { MessageKey } from '../../i18n/index.ts';
import {
  cmiTimespan,
  courseReport,
  decodeSuspendData,
  emptyProgress,
  encodeSuspendData,
  findScormApi,
  learnerName,
  recordAttempt,
  restoredRecords,
  ScormConnection,
  summaryFromRecord,
  type CourseReport,
  type ScormProblem,
  type ScormProgress,
  type WindowLike,
} from '../../records/scorm/index.ts';
import type { AttemptRecord } from '../../storage/index.ts';
import { addReporter } from '../reporting.ts';
import type { Services } from '../services.ts';
import './scorm.css';

/** What the bridge exposes (for tests and for the page's own use). */
export interface ScormBridge {
  readonly info: ScormPackageInfo;
  /** False when no LMS API was found or it refused `LMSInitialize`. */
  readonly connected: boolean;
  progress(): ScormProgress;
  report(): CourseReport;
  /** Sends everything and calls `LMSFinish` (done by itself when the page goes away). */
  finish(): void;
}

/** Connects the package to the LMS (when one is found) and to the game's scenes. */
export function connectScorm(game: Phaser.Game, services: Services, info: ScormPackageInfo, win: Window = window): ScormBridge {
  const startedAt = Date.now();
  const api = findScormApi(win as unknown as WindowLike);
  let toldTrouble = false;
  const onProblem = (problem: ScormProblem) => {
    console.warn(`Calm Desk (SCORM): ${problem.message}`);
  };
  const lms = api ? new ScormConnection(api, onProblem) : null;
  const connected = lms?.initialize() ?? false;

  let progress = emptyProgress();
  let name = '';
  if (lms && connected) {
    name = learnerName(lms.get('cmi.core.student_name'));
    const decoded = decodeSuspendData(lms.get('cmi.suspend_data'));
    if (decoded.problem) console.warn(`Calm Desk (SCORM): ${decoded.problem}`);
    progress = decoded.progress;
    const status = lms.get('cmi.core.lesson_status');
    if (status === '' || status === 'not attempted') {
      lms.set('cmi.core.lesson_status', 'incomplete');
      lms.commit();
    }
  }
  const restoredCount = progress.attempts.length;

  /** Sends the course's state; true when the LMS took all of it. */
  const send = (): boolean => {
    if (!lms?.open) return false;
    const report = courseReport(progress, info);
    let ok = lms.set('cmi.core.session_time', cmiTimespan(Date.now() - startedAt));
    if (report.score !== null) {
      ok = lms.set('cmi.core.score.min', '0') && ok;
      ok = lms.set('cmi.core.score.max', '100') && ok;
      ok = lms.set('cmi.core.score.raw', String(report.score)) && ok;
    }
    ok = lms.set('cmi.core.lesson_status', report.status) && ok;
    ok = lms.set('cmi.suspend_data', encodeSuspendData(progress, { keep: info.scenarioIds })) && ok;
    ok = lms.set('cmi.core.exit', 'suspend') && ok;
    return lms.commit() && ok;
  };

  const onFinished = (record: AttemptRecord) => {
    progress = recordAttempt(progress, summaryFromRecord(record));
    if (!lms?.open) return;
    if (!send() && !toldTrouble) {
      toldTrouble = true;
      services.overlay.notify(services.t('scorm.trouble'), 'warning');
    }
  };
  addReporter({ finished: ({ result }) => onFinished(result.record) });

  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    send();
    lms?.finish();
  };
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);

  const bridge: ScormBridge = {
    info,
    connected,
    progress: () => progress,
    report: () => courseReport(progress, info),
    finish,
  };
  whenReady(game, () => attachToScenes(game, services, bridge, { name, restoredCount }));
  return bridge;
}

function whenReady(game: Phaser.Game, run: () => void): void {
  if (game.isBooted) run();
  else game.events.once(Phaser.Core.Events.READY, run);
}

/**
 * Opens on the scenario list (once: Back still leads to the title and Settings), after bringing
 * earlier results into this browser, and shows the course's progress on that list.
 */
function attachToScenes(game: Phaser.Game, services: Services, bridge: ScormBridge, learner: { name: string; restoredCount: number }): void {
  const title = game.scene.getScene('Title');
  const select = game.scene.getScene('ScenarioSelect');
  let restored: Promise<void> | null = null;
  const restore = () =>
    (restored ??= services.ready().then(() => {
      if (learner.restoredCount === 0) return;
      const titleOf = (id: string, language: string) =>
        services.catalog.find((e) => e.id === id && e.language === language)?.title ?? id;
      const merged = services.store.mergeResults(restoredRecords(bridge.progress(), titleOf), []);
      if (merged.ok && merged.added > 0) services.overlay.announce(services.t('scorm.restored'));
    }));

  const skipTitle = () => {
    void restore().then(
      () => {
        if (title && game.scene.isActive('Title')) title.scene.start('ScenarioSelect');
      },
      () => undefined, // The Title explains a store that failed to load.
    );
  };
  // The bridge loads while the game boots: the title may already be up.
  if (game.scene.isActive('Title')) skipTitle();
  else title?.events.once(Phaser.Scenes.Events.CREATE, skipTitle);
  select?.events.on(Phaser.Scenes.Events.CREATE, () => showProgress(services, bridge, learner.name));
  if (game.scene.isActive('ScenarioSelect')) void restore().then(() => showProgress(services, bridge, learner.name));
}

/** A short line under the course text of the scenario list: how far the course has got. */
function showProgress(services: Services, bridge: ScormBridge, name: string): void {
  const screen = services.overlay.element.querySelector<HTMLElement>('section.cd-screen[data-scene="ScenarioSelect"]:last-of-type');
  if (!screen) return;
  const { t } = services;
  const report = bridge.report();
  const mastery = bridge.info.masteryScore;
  const statusKey: MessageKey =
    report.status === 'passed' ? 'scorm.statusPassed' : report.status === 'failed' ? 'scorm.statusFailed' : 'scorm.statusIncomplete';
  const where = !bridge.connected ? t('scorm.noPlatform') : name ? t('scorm.connectedAs', { name }) : t('scorm.connected');
  const line = document.createElement('p');
  line.className = 'cd-scorm-progress';
  line.dataset.testid = 'scorm-progress';
  line.dataset.status = report.status;
  const label = document.createElement('strong');
  label.textContent = `${t('scorm.progressLabel')}: `;
  line.append(
    label,
    `${t('scorm.progress', { count: report.total, done: report.done })} ${t(statusKey, { count: report.total, mastery, score: report.score ?? 0 })} ${where}`,
  );
  const course = screen.querySelector('[data-testid="course"]');
  if (course) course.after(line);
  else screen.querySelector('.cd-panel')?.append(line);
}
