package org.epaworkbench.ui.session;

/** What the panels ask the session screen to do; the screen asks for reasons and confirmations. */
interface SessionActions {
    void startOrResume();

    void pause();

    void end();

    void toggleQuestioning();

    void askQuestion();

    void followUp();

    void closeQuestion();

    void jumpTo(String code);

    /** Plays the session's recording from a few seconds before this moment (issue 16). */
    void play(org.epaworkbench.session.RecordingPosition at);
}
