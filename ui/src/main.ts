// Entry point of the desktop UI: loads the fonts and styles and starts the app on Tauri's IPC.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './fonts.css';
import { tauriBackend } from './lib/backend';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

mount(App, { target, props: { backend: tauriBackend() } });
