"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type FilmPlan, locate } from "./film-plan";

export interface FilmPlayback {
  /** The <video> of each source, by index. */
  setVideo: (index: number) => (element: HTMLVideoElement | null) => void;
  /** The source on screen. */
  active: number;
  /** Film time, seconds. */
  time: number;
  playing: boolean;
  toggle: () => void;
  seek: (filmTime: number) => void;
}

/**
 * Plays a film's sources one after another as one timeline. Each source has its own <video>, stacked;
 * the next one is preloaded at its start, and started the moment the one before ends. It is shown only
 * once its first frame is on screen (requestVideoFrameCallback), so the last frame of the previous file
 * stays up meanwhile and there is never a blank frame between segments.
 */
export function useFilmPlayback(plan: FilmPlan, autoPlay: boolean): FilmPlayback {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const activeRef = useRef(0);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);

  const show = useCallback((index: number) => {
    activeRef.current = index;
    setActive(index);
  }, []);

  const filmTimeOf = useCallback(
    (index: number) => (plan.sources[index]?.filmStart ?? 0) + (videos.current[index]?.currentTime ?? 0),
    [plan],
  );

  const setVideo = useCallback(
    (index: number) => (element: HTMLVideoElement | null) => {
      videos.current[index] = element;
    },
    [],
  );

  // Hand-over: when a file ends, the next one (already loaded at its start) plays at once.
  useEffect(() => {
    const cleanups = videos.current.map((video, index) => {
      if (!video) return () => {};
      const onEnded = () => {
        if (index !== activeRef.current) return;
        const next = videos.current[index + 1];
        if (!next) {
          setPlaying(false);
          return;
        }
        next.currentTime = 0;
        if ("requestVideoFrameCallback" in next) next.requestVideoFrameCallback(() => show(index + 1));
        else show(index + 1);
        void next.play().catch(() => setPlaying(false));
      };
      const onPlay = () => {
        if (index === activeRef.current || !video.paused) setPlaying(true);
      };
      const onPause = () => {
        if (index === activeRef.current && !video.ended) setPlaying(false);
      };
      video.addEventListener("ended", onEnded);
      video.addEventListener("play", onPlay);
      video.addEventListener("pause", onPause);
      return () => {
        video.removeEventListener("ended", onEnded);
        video.removeEventListener("play", onPlay);
        video.removeEventListener("pause", onPause);
      };
    });
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  }, [show]);

  // The scrubber follows the picture every frame while playing.
  useEffect(() => {
    if (!playing) {
      setTime(filmTimeOf(activeRef.current));
      return;
    }
    let frame = requestAnimationFrame(function tick() {
      setTime(filmTimeOf(activeRef.current));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, filmTimeOf]);

  useEffect(() => {
    if (!autoPlay) return;
    const first = videos.current[0];
    if (first) {
      first.muted = true;
      void first.play().catch(() => setPlaying(false));
    }
  }, [autoPlay]);

  const toggle = useCallback(() => {
    const video = videos.current[activeRef.current];
    if (!video) return;
    if (!video.paused && !video.ended) {
      video.pause();
      return;
    }
    const atEnd = activeRef.current === plan.sources.length - 1 && video.ended;
    if (atEnd) {
      for (const other of videos.current) if (other) other.currentTime = 0;
      show(0);
      void videos.current[0]?.play().catch(() => setPlaying(false));
      return;
    }
    void video.play().catch(() => setPlaying(false));
  }, [plan, show]);

  const seek = useCallback(
    (filmTime: number) => {
      const target = locate(plan, filmTime);
      const current = videos.current[activeRef.current];
      const video = videos.current[target.source];
      if (!video) return;
      const wasPlaying = current ? !current.paused && !current.ended : false;
      if (target.source !== activeRef.current) {
        current?.pause();
        show(target.source);
        // Keep the file after it ready at its start for the next hand-over.
        const after = videos.current[target.source + 1];
        if (after) after.currentTime = 0;
      }
      video.currentTime = target.time;
      setTime(filmTime);
      if (wasPlaying) void video.play().catch(() => setPlaying(false));
    },
    [plan, show],
  );

  return { setVideo, active, time, playing, toggle, seek };
}
